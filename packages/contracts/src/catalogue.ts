import { z } from 'zod';
import { textField } from './text.ts';
import type { Locale } from './locale.ts';
import { optionalLocaleSchema } from './locale-schema.ts';
import type { CompanyPrice } from './prices.ts';

export const VAT_RATES = ['20', '10', '5.5', '2.1'] as const;
export type VatRate = (typeof VAT_RATES)[number];

/** The French VAT bands as the cms stores them, and the rate (percent) each stands for. */
export const VAT_BANDS = { standard_20: '20', intermediate_10: '10', reduced_5_5: '5.5', super_reduced_2_1: '2.1' } as const satisfies Record<string, VatRate>;
export type VatBand = keyof typeof VAT_BANDS;

export const PRODUCT_SORTS = ['name', 'price_asc', 'price_desc', 'newest', 'co2e'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

const slug = z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug like recycled-paper');
const euros = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number of cents` })
    .int(`${label} must be a whole number of cents`)
    .min(0, `${label} cannot be negative`)
    .max(100_000_000, `${label} is too large`);

/**
 * Query of the public content reads that take nothing but their language (categories, eco
 * labels, a product or category by its slug, the content pages): `?locale=fr|en`, French when absent.
 */
export const localeQuerySchema = z.strictObject({ locale: optionalLocaleSchema });
export type LocaleQuery = z.infer<typeof localeQuerySchema>;

/**
 * Query of the public product list; anything else in the query string is refused.
 * `category` and `label` are slugs in any language; `q` searches names and descriptions in
 * `locale`, accents and case ignored.
 */
export const productListQuerySchema = z
  .strictObject({
    locale: optionalLocaleSchema,
    category: slug.optional(),
    label: slug.optional(),
    priceMin: euros('priceMin').optional(),
    priceMax: euros('priceMax').optional(),
    q: textField('q', { max: 100, min: 0 }).optional(),
    sort: z.enum(PRODUCT_SORTS, { error: `sort must be one of ${PRODUCT_SORTS.join(', ')}` }).default('name'),
    page: z.coerce.number({ error: 'page must be a number' }).int('page must be a whole number').min(1, 'page starts at 1').default(1),
    pageSize: z.coerce
      .number({ error: 'pageSize must be a number' })
      .int('pageSize must be a whole number')
      .min(1, 'pageSize is at least 1')
      .max(100, 'pageSize is at most 100')
      .default(24),
  })
  .refine((q) => q.priceMin === undefined || q.priceMax === undefined || q.priceMin <= q.priceMax, {
    path: ['priceMax'],
    message: 'priceMax must be greater than or equal to priceMin',
  });
export type ProductListQuery = z.infer<typeof productListQuerySchema>;

export interface Media {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
}

/**
 * Every localized document in an answer says the language of its text: the one asked for,
 * or `fr` when it has no version in that language yet (French is always there).
 */
export interface Localized {
  locale: Locale;
}

/** The address of a product or category in each language, null where it has no version in it. */
export type LocalizedSlugs = Record<Locale, string | null>;

export interface CategorySummary extends Localized {
  name: string;
  slug: string;
}

export interface Category extends CategorySummary {
  slugs: LocalizedSlugs;
  description: string | null;
  image: Media | null;
  parent: CategorySummary | null;
  children: CategorySummary[];
}

export interface EcoLabel extends Localized {
  name: string;
  slug: string;
}

export interface ProductSummary extends Localized {
  name: string;
  slug: string;
  /** The reference buyers type in a quick order, the same in every language (`VT-BOX-S`). */
  sku: string;
  slugs: LocalizedSlugs;
  priceCents: number;
  vatRate: VatRate;
  minQuantity: number;
  quantityStep: number;
  stock: number;
  recycledContentPercent: number;
  co2eKgPer1000: number;
  countryOfOrigin: string;
  category: CategorySummary | null;
  labels: EcoLabel[];
  image: Media | null;
  /**
   * Only in answers to a signed-in member of a company with an agreement covering this
   * product: what the company pays (`priceCents` stays the list price). Never in public answers.
   */
  companyPrice?: CompanyPrice;
}

export interface Product extends Omit<ProductSummary, 'image'> {
  description: unknown;
  images: Media[];
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}
