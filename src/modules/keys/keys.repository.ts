// API keys: created with their hash only, listed, revoked. Takes the database, returns rows.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiKeys, type ApiKeyRow } from '../../db/schema.js';
import type { KeyRole } from '../../domain/vocabulary.js';
import { newApiKey } from '../../lib/api-key.js';
import { nowTimestamp } from '../../lib/time.js';

/** Stores a new key and returns its row and the key itself, which exists nowhere else. */
export function createApiKey(db: Db, input: { name: string; role: KeyRole }): { row: ApiKeyRow; key: string } {
  const { id, key, hash } = newApiKey();
  const row: ApiKeyRow = { id, name: input.name, role: input.role, secretHash: hash, createdAt: nowTimestamp(), revokedAt: null };
  db.insert(apiKeys).values(row).run();
  return { row, key };
}

export function listApiKeys(db: Db): ApiKeyRow[] {
  return db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt), asc(apiKeys.id)).all();
}

export function getApiKey(db: Db, id: string): ApiKeyRow | null {
  return db.select().from(apiKeys).where(eq(apiKeys.id, id)).get() ?? null;
}

/** Marks a key revoked (once; a second revocation keeps the first time). Returns the row, or null. */
export function revokeApiKey(db: Db, id: string): ApiKeyRow | null {
  const row = getApiKey(db, id);
  if (!row) return null;
  if (row.revokedAt) return row;
  const revokedAt = nowTimestamp();
  db.update(apiKeys).set({ revokedAt }).where(eq(apiKeys.id, id)).run();
  return { ...row, revokedAt };
}
