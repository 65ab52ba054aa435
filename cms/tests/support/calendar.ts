import { setTimeout as sleep } from 'node:timers/promises';
import { dayInFrance } from '@ventalis/contracts';

/**
 * The day in France, read once a file's fixtures can rely on it for the whole file: when Paris
 * is less than `marginMs` from midnight, this waits for the next day first. A file whose
 * agreements "end today" or whose invoices are numbered in "this year" would otherwise fail,
 * rightly, when a run crosses midnight there. Paris never changes its clocks at midnight.
 */
export async function dayClearOfMidnightInFrance(marginMs = 90_000): Promise<string> {
  const [hours, minutes, seconds] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(new Date())
    .split(':')
    .map(Number) as [number, number, number];
  const untilMidnight = (24 * 3600 - (hours * 3600 + minutes * 60 + seconds)) * 1000;
  if (untilMidnight <= marginMs) await sleep(untilMidnight + 1_000);
  return dayInFrance();
}

/** How long a hook that calls dayClearOfMidnightInFrance may take on top of its own work. */
export const MIDNIGHT_WAIT_MS = 95_000;
