/**
 * The consultant's offer form: one row per line of the quote (quantity, price in euros per
 * 1,000, or removed) and a row to add a product, then the last day and a word to the client.
 * Read here into the cms' input; errors are named by the row they concern
 * (`price:<product>`, `quantity:+` for the added row).
 */
import { parseEurosToCents } from './format.ts';
import { parseQuantity } from './form.ts';

export interface OfferRow {
  product: string;
  quantity: string;
  price: string;
}
export interface OfferForm {
  lines: (OfferRow & { remove: boolean })[];
  add: OfferRow;
  validUntil: string;
  comment: string;
}

/** The added row's key in error names. */
export const ADDED = '+';

export function readOfferForm(form: FormData): OfferForm {
  const text = (name: string) => String(form.get(name) ?? '');
  return {
    lines: form.getAll('line').map(String).map((product) => ({ product, quantity: text(`quantity:${product}`), price: text(`price:${product}`), remove: form.has(`remove:${product}`) })),
    add: { product: text('product:+').trim(), quantity: text('quantity:+'), price: text('price:+') },
    validUntil: text('validUntil').trim(),
    comment: text('comment'),
  };
}

/**
 * The offer as the cms takes it, and what could not be read (a quantity or a price that is no
 * number), by field name. `keys[i]` names the row of the offer's line i, to place the cms'
 * refusals (`lines.i.…`) on it.
 */
export function offerInput(form: OfferForm): { offer: { lines: { product: string; quantity: number | undefined; pricePer1000Cents: number | undefined }[]; validUntil?: string; comment?: string }; unreadable: Record<string, 'quantity' | 'price'>; keys: string[] } {
  const unreadable: Record<string, 'quantity' | 'price'> = {};
  const rows: [string, OfferRow][] = form.lines.filter((line) => !line.remove).map((line) => [line.product, line]);
  // The added row counts once anything is typed in it.
  if (form.add.product || form.add.quantity.trim() || form.add.price.trim()) rows.push([ADDED, form.add]);
  const lines = rows.map(([key, row]) => {
    const quantity = parseQuantity(row.quantity);
    const pricePer1000Cents = parseEurosToCents(row.price);
    if (quantity === null) unreadable[`quantity:${key}`] = 'quantity';
    if (pricePer1000Cents === null) unreadable[`price:${key}`] = 'price';
    return { product: row.product, quantity: quantity ?? undefined, pricePer1000Cents: pricePer1000Cents ?? undefined };
  });
  return {
    offer: { lines, ...(form.validUntil ? { validUntil: form.validUntil } : {}), ...(form.comment.trim() ? { comment: form.comment } : {}) },
    unreadable,
    keys: rows.map(([key]) => key),
  };
}

/** The cms' (or the schema's) errors by field, on the form's rows: `lines.2.pricePer1000Cents` → `price:<row 2's product>`. */
export function onRows(byField: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(byField).map(([field, message]) => {
      const line = /^lines\.(\d+)\.(\w+)/.exec(field);
      const key = line ? keys[Number(line[1])] : undefined;
      if (!line || key === undefined) return [field === 'lines' ? '_' : field, message];
      const name = line[2] === 'pricePer1000Cents' ? 'price' : line[2] === 'quantity' ? 'quantity' : 'product';
      return [`${name}:${key}`, message];
    }),
  );
}
