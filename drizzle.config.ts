/**
 * drizzle-kit: `npx drizzle-kit generate` writes a migration to store/migrations/ after store/schema.ts
 * changes. The store applies the folder itself when it opens (PGlite and PostgreSQL alike).
 */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './store/schema.ts',
  out: './store/migrations',
});
