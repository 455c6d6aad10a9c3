import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The bench's own smoke test (`npx vitest run --config bench/vitest.config.ts`); the bench itself
// is `npm run bench`, never part of `npm test`.
export default defineConfig({
  test: { root: fileURLToPath(new URL('../', import.meta.url)), include: ['bench/**/*.test.ts'] },
});
