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
