import { isSku, SKU_MAX_LENGTH } from '@ventalis/contracts';

/**
 * A SKU for a product that has none, made from its slug: `kraft-shipping-box` becomes
 * `KRAFT-SHIPPING-BOX`, then `KRAFT-SHIPPING-BOX-2`… when another product holds it. The same
 * slug and the same taken SKUs always give the same SKU, so a database upgraded twice, or on
 * two machines, gets the same references.
 */
export function skuFromSlug(slug: string, taken: ReadonlySet<string>): string {
  const cut = (text: string, length: number) => text.slice(0, length).replace(/-+$/, '');
  let base = slug.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (base.length < 3) base = `SKU-${base || 'X'}`.replace(/-+$/, '');
  base = cut(base, SKU_MAX_LENGTH);
  if (!taken.has(base) && isSku(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${cut(base, SKU_MAX_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
