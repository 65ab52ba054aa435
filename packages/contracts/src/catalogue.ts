import { z } from 'zod';
import { textField } from './text.ts';
import type { Locale } from './locale.ts';
import { optionalLocaleSchema } from './locale-schema.ts';
import { AGREEMENT_KINDS } from './prices.ts';
import { calendarDay, cents, localeAnswer, timestamp } from './answers.ts';

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

export const mediaSchema = z.strictObject({
  url: z.string(),
  alternativeText: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type Media = z.infer<typeof mediaSchema>;

/**
 * Every localized document in an answer says the language of its text: the one asked for,
 * or `fr` when it has no version in that language yet (French is always there).
 */
export type Localized = { locale: Locale };

/** The address of a product or category in each language, null where it has no version in it. */
export const localizedSlugsSchema = z.strictObject({ fr: z.string().nullable(), en: z.string().nullable() });
export type LocalizedSlugs = Record<Locale, string | null>;

export const categorySummarySchema = z.strictObject({ locale: localeAnswer, name: z.string(), slug: z.string() });
export type CategorySummary = z.infer<typeof categorySummarySchema>;

export const categorySchema = categorySummarySchema.extend({
  slugs: localizedSlugsSchema,
  description: z.string().nullable(),
  image: mediaSchema.nullable(),
  parent: categorySummarySchema.nullable(),
  children: z.array(categorySummarySchema),
});
export type Category = z.infer<typeof categorySchema>;

export const ecoLabelSchema = z.strictObject({ locale: localeAnswer, name: z.string(), slug: z.string() });
export type EcoLabel = z.infer<typeof ecoLabelSchema>;

/** What a member of a company sees beside a product's list price. */
export const companyPriceSchema = z.strictObject({
  /** What the company pays per 1,000 units excl. VAT, in cents. */
  priceCents: cents,
  kind: z.enum(AGREEMENT_KINDS),
  /** The category discount applied, in basis points; null for a net price. */
  discountBasisPoints: z.number().int().nullable(),
  /** The last day of the agreement (included). */
  endsOn: calendarDay,
});
export type CompanyPrice = z.infer<typeof companyPriceSchema>;

export const productSummarySchema = z.strictObject({
  locale: localeAnswer,
  name: z.string(),
  slug: z.string(),
  /** The reference buyers type in a quick order, the same in every language (`VT-BOX-S`). */
  sku: z.string(),
  slugs: localizedSlugsSchema,
  priceCents: cents,
  vatRate: z.enum(VAT_RATES),
  minQuantity: z.number().int(),
  quantityStep: z.number().int(),
  stock: z.number().int(),
  recycledContentPercent: z.number(),
  co2eKgPer1000: z.number(),
  countryOfOrigin: z.string(),
  category: categorySummarySchema.nullable(),
  labels: z.array(ecoLabelSchema),
  image: mediaSchema.nullable(),
  /**
   * Only in answers to a signed-in member of a company with an agreement covering this
   * product: what the company pays (`priceCents` stays the list price). Never in public answers.
   */
  companyPrice: companyPriceSchema.optional(),
});
export type ProductSummary = z.infer<typeof productSummarySchema>;

export const productSchema = productSummarySchema.omit({ image: true }).extend({
  /** Rich text (Strapi blocks). */
  description: z.unknown(),
  images: z.array(mediaSchema),
  createdAt: timestamp,
});
export type Product = z.infer<typeof productSchema>;

export interface Page<T> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}
