/**
 * French formatting of money and quantities, shared by the storefront's pages, the cms' error
 * messages and its emails, so that an amount reads the same everywhere. No zod here: browser
 * code imports this file alone (`@ventalis/contracts/format`). Money stays in integer cents:
 * formatting never goes through floating point.
 */

/** French typography: narrow no-break space between thousands, no-break space before a unit. */
export const THOUSANDS_SEPARATOR = '\u202f';
export const UNIT_SEPARATOR = '\u00a0';

export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
}

/** 123456 → "1 234,56 €" (with French no-break spaces). */
export function formatEuros(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatEuros expects whole cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const euros = Math.trunc(absolute / 100);
  const rest = String(absolute % 100).padStart(2, '0');
  return `${sign}${groupThousands(String(euros))},${rest}${UNIT_SEPARATOR}€`;
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
