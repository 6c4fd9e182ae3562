// Wire shapes of API keys. The key itself appears once, in the answer that creates it.
import { z } from 'zod';
import { keyRoleSchema } from '../../lib/vocabulary-schemas.js';

export const apiKeySchema = z
  .object({
    id: z.string().describe('The key\'s id, also readable inside the key itself.'),
    name: z.string().describe('Who holds the key; revisions name it as the author of a change.'),
    role: keyRoleSchema,
    created_at: z.string(),
    revoked_at: z.string().nullable().describe('When the key was revoked; null while it works.'),
  })
  .meta({ id: 'ApiKey', description: 'An API key, without its secret.' });

export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().describe('The key to send as `Authorization: Bearer <key>`. Shown only now; sitrep keeps only its hash.') })
  .meta({ id: 'CreatedApiKey', description: 'A new API key, with the key itself, which is never shown again.' });

export const apiKeyListSchema = z
  .object({ data: z.array(apiKeySchema) })
  .meta({ id: 'ApiKeyList', description: 'Every API key, revoked ones included, oldest first.' });

export const createApiKeyBodySchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }).describe('Who will hold the key.'),
    role: keyRoleSchema,
  })
  .meta({ id: 'ApiKeyCreate', description: 'A new API key: who will hold it, and its role.' });

export type ApiKeyWire = z.infer<typeof apiKeySchema>;
