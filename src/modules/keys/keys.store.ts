// API keys as one async interface (see events/events.reads.ts for why): the auth plugin's lookup
// and the /v1/keys routes' list, creation and revocation, each write in the store's write
// transaction, so that of two revocations racing from two processes the first time stays.
import type { Db } from '../../db/client.js';
import type { ApiKeyRow } from '../../db/schema.js';
import type { KeyRole } from '../../domain/vocabulary.js';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from './keys.repository.js';

export interface KeyStore {
  list(): Promise<ApiKeyRow[]>;
  get(id: string): Promise<ApiKeyRow | null>;
  /** Stores a new key; answers its row and the key itself, which exists nowhere else. */
  create(input: { name: string; role: KeyRole }): Promise<{ row: ApiKeyRow; key: string }>;
  /** Marks a key revoked (a second revocation keeps the first time); null when no key has the id. */
  revoke(id: string): Promise<ApiKeyRow | null>;
}

/** `write`: the store's write transaction (src/store.ts). */
export function sqliteKeyStore(db: Db, write: <T>(body: (tx: Db) => Promise<T>) => Promise<T>): KeyStore {
  return {
    list: async () => listApiKeys(db),
    get: async (id) => getApiKey(db, id),
    create: (input) => write(async (tx) => createApiKey(tx, input)),
    revoke: (id) => write(async (tx) => revokeApiKey(tx, id)),
  };
}
