// Instants in request bodies: an RFC 3339 date-time with an offset, stored as UTC with whole
// seconds (src/lib/time.ts), for every record that carries a time.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { toInstant } from './time.js';

export const instantInputSchema = z
  .iso.datetime({ offset: true, error: 'must be an RFC 3339 date-time with an offset, e.g. 2025-07-04T03:00:00+03:00' })
  .max(64, { error: 'must be at most 64 characters' })
  .transform((value) => toInstant(DateTime.fromISO(value, { setZone: true })));
