import { randomInt } from 'node:crypto';

/** Letters and digits nobody confuses when reading a reference out (no I, O, 0, 1). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

// The shop's calendar day, whatever the server's time zone: what the client sees on the order.
const shopDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: '2-digit', month: '2-digit', day: '2-digit' });

/**
 * An order's reference, VT-YYMMDD-XXXXXX: the day it was placed (Paris time), then six
 * random characters. The day comes from the order, so an order placed (or loaded as
 * history) on 14 July reads VT-260714-…, whenever the reference is made.
 */
export function orderReference(placedAt: Date): string {
  const parts = Object.fromEntries(shopDay.formatToParts(placedAt).map((part) => [part.type, part.value]));
  return `VT-${parts.year}${parts.month}${parts.day}-${Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;
}
