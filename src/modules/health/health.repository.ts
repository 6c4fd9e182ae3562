// The one query readiness needs: does the database answer?
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export async function pingDatabase(db: Db): Promise<void> {
  db.get(sql`SELECT 1`);
}
