// API keys: `sitrep_<key id>_<secret>`. The id finds the stored row; the whole key is checked
// against its SHA-256 hash in constant time. 32 random bytes make a brute-forced or salted hash
// pointless, so a plain SHA-256 is enough (unlike passwords).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PATTERN = /^sitrep_(key_[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function newApiKey(): { id: string; key: string; hash: string } {
  const id = `key_${randomBytes(6).toString('hex')}`;
  const key = `sitrep_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, key, hash: hashKey(key) };
}

/** The key id a well-formed key names, or null for anything else. */
export function keyIdOf(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function keyMatchesHash(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
