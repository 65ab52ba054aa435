import { availableParallelism } from 'node:os';

/**
 * How many Playwright workers the journeys use, from the cores this machine gives the process:
 * the stacks under test (two cms, two storefronts, a chat-server) need CPU too, so about one
 * browser per two cores, plus one, at most four (the cms answers on one thread).
 * 1 core → 1, 2 → 2, 4 → 3, 6 and more → 4. The config and the test script both use it, so a
 * developer's `npx playwright test` and CI's `npm test` run alike.
 */
export function e2eWorkers(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, Math.floor(cores / 2) + 1));
}
