import { defineConfig } from 'drizzle-kit';

// Only `db:generate` reads this: the app applies migrations itself with drizzle's migrator.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './migrations',
});
