import { setTimeout as sleep } from 'node:timers/promises';
import { dayInFrance } from '@ventalis/contracts';

/**
 * The day in France, read once a file's fixtures can rely on it for the whole file: when the
 * day in France is about to change (within `marginMs`), this waits for the next day first. A
 * file whose agreements "end today" or whose invoices are numbered in "this year" would
 * otherwise fail, rightly, when a run crosses midnight there.
 */
export async function dayClearOfMidnightInFrance(marginMs = 90_000): Promise<string> {
  const soon = dayInFrance(new Date(Date.now() + marginMs));
  while (dayInFrance() !== soon) await sleep(1_000);
  return soon;
}

/** How long a hook that calls dayClearOfMidnightInFrance may take on top of its own work. */
export const MIDNIGHT_WAIT_MS = 95_000;
