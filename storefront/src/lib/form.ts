/** Reads text fields of a submitted form, trimmed of nothing: the shared schemas normalise. */
export function textFields<K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '')])) as Record<K, string>;
}

/** A quantity typed in a form ("1 500" or "1500") → units; null when it is not a whole number. */
export function parseQuantity(text: string): number | null {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,9}$/.test(digits)) return null;
  return Number(digits);
}

/**
 * An amount in euros typed in a form ("5000", "5 000,50", "5000.5", "€ 5,000.50" is not taken:
 * one decimal separator only) → cents, without floating point; null when it is not an amount.
 */
export function parseEurosToCents(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
