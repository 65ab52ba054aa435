import { defineConfig } from 'vitest/config';

// The fault tests: the cluster of scripts/cluster.ts started once, broken under load.
export default defineConfig({
  test: { root: import.meta.dirname, include: ['*.test.ts'], testTimeout: 300_000, hookTimeout: 600_000 },
});
