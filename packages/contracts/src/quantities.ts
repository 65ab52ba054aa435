/**
 * How quantities are written, without zod, so that the storefront's pages, its forms and the
 * cms' error messages write "1 000 units" the same way (browser code imports this file alone).
 * French typography for now: a narrow no-break space between thousands, a no-break space
 * before the unit.
 */
export const THOUSANDS_SEPARATOR = '\u202f';
export const UNIT_SEPARATOR = '\u00a0';

/** "1234567" → "1 234 567". */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
}

/** 180000 → "180 000". */
export function formatInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`formatInteger expects a whole number, got ${value}`);
  return (value < 0 ? '-' : '') + groupThousands(String(Math.abs(value)));
}

/** 1000 → "1 000 units"; 1 → "1 unit". */
export function formatUnits(quantity: number): string {
  return `${formatInteger(quantity)}${UNIT_SEPARATOR}${quantity === 1 ? 'unit' : 'units'}`;
}
