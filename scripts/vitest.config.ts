import { defineConfig } from 'vitest/config';

// The two commands' own building blocks (process supervision, local secrets).
export default defineConfig({
  test: { root: import.meta.dirname, include: ['*.spec.ts'], testTimeout: 20_000 },
});
