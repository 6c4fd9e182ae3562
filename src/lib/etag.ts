// Entity tags (RFC 9110 §8.8.3): how a body's strong ETag is computed and how the validators a
// client sends back are compared. A compressed answer is another representation, so its tag names
// the coding: `"<hash>.br"`, `"<hash>.gzip"`; `.` is outside the hash's base64url alphabet. A cache
// holding one coding never matches another's tag as the same bytes. Validators sent back
// (`If-None-Match`, `If-Match`) match whichever coding they name: the content before coding is what
// they stand for.
import { createHash } from 'node:crypto';
import type { Encoding } from './compression.js';

export const CODING_SUFFIX = /\.(?:br|gzip)"$/;

/** The tag without the coding it names: `"abc.br"` → `"abc"`; weak or plain tags unchanged but for `W/`. */
export function representationOf(tag: string): string {
  const strong = tag.trim().replace(/^W\//, '');
  return strong.replace(CODING_SUFFIX, '"');
}

/** The ETag of a representation sent with this content coding. */
export function etagWithEncoding(etag: string, encoding: Encoding | null): string {
  return encoding === null ? etag : `${etag.slice(0, -1)}.${encoding}"`;
}

/** Does an `If-None-Match` value (`*`, or a list of possibly weak tags, in any coding) match this ETag? */
export function ifNoneMatchMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const wanted = representationOf(etag);
  return header.split(',').some((candidate) => representationOf(candidate) === wanted);
}

/** Does one tag of an `If-Match` list name this ETag? Strong comparison (RFC 9110 §13.1.1): a weak tag never does; any coding does. */
export function ifMatchTagMatches(tag: string, etag: string): boolean {
  const trimmed = tag.trim();
  return !trimmed.startsWith('W/') && trimmed.replace(CODING_SUFFIX, '"') === representationOf(etag);
}

/** The strong ETag of a response body: its SHA-1, base64url, quoted. */
export function etagOf(payload: string | Buffer): string {
  return `"${createHash('sha1').update(payload).digest('base64url')}"`;
}
