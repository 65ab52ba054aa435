import { z } from 'zod';
import { rule } from './error-codes.ts';
import { optionalLocaleSchema } from './locale-schema.ts';
import { AGREEMENT_KINDS, FULL_DISCOUNT_BASIS_POINTS, isDay } from './prices.ts';
import { calendarDay, cents, localeAnswer, timestamp } from './answers.ts';

/**
 * The consultant's price agreements with a client company:
 * GET/POST /api/consultant/companies/:id/agreements, PUT/DELETE …/agreements/:agreementId.
 */
const slug = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${label} must be a slug like recycled-paper`);

const day = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .refine(isDay, rule('value.invalid_format', `${label} must be a date written YYYY-MM-DD`));

const period = { startsOn: day('startsOn'), endsOn: day('endsOn') };

const discountBasisPoints = z
  .number({ error: 'discountBasisPoints must be a number of basis points (1250 = 12.5 %)' })
  .int('discountBasisPoints must be a whole number of basis points (1250 = 12.5 %)')
  .refine((bp) => bp > 0 && bp <= FULL_DISCOUNT_BASIS_POINTS, rule('agreement.discount_out_of_range', 'The discount must be more than 0 % and at most 100 %'));

const netPriceCents = z
  .number({ error: 'netPriceCents must be a number of cents per 1,000 units' })
  .int('netPriceCents must be a whole number of cents')
  .refine((cents) => cents > 0, rule('agreement.net_price_not_positive', 'The net price must be more than 0 €'))
  .refine((cents) => cents <= 100_000_000, rule('number.too_large', 'netPriceCents is too large', { max: 100_000_000 }));

const endsAfterStart = <T extends { startsOn: string; endsOn: string }>(value: T) => !isDay(value.startsOn) || !isDay(value.endsOn) || value.startsOn <= value.endsOn;
const ENDS_AFTER_START = { path: ['endsOn'], ...rule('agreement.ends_before_start', 'The last day must be on or after the first day') };

export const priceAgreementInputSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('category_discount'), category: slug('category'), discountBasisPoints, ...period }),
      z.strictObject({ kind: z.literal('net_price'), product: slug('product'), netPriceCents, ...period }),
    ],
    { error: 'kind must be category_discount or net_price' },
  )
  .refine(endsAfterStart, ENDS_AFTER_START);
export type PriceAgreementInput = z.infer<typeof priceAgreementInputSchema>;

/** The route's query: the language of the category and product names answered. */
export const priceAgreementQuerySchema = z.strictObject({ locale: optionalLocaleSchema });

/** A price agreement as the consultant reads it; names in the asked language (French where missing). */
export const priceAgreementSchema = z.strictObject({
  id: z.number().int(),
  kind: z.enum(AGREEMENT_KINDS),
  category: z.strictObject({ slug: z.string(), name: z.string(), locale: localeAnswer }).nullable(),
  product: z.strictObject({ slug: z.string(), name: z.string(), locale: localeAnswer, listPriceCents: cents }).nullable(),
  discountBasisPoints: z.number().int().nullable(),
  netPriceCents: cents.nullable(),
  startsOn: calendarDay,
  endsOn: calendarDay,
  /** The consultant who set it, "First Last". */
  createdBy: z.string().nullable(),
  createdAt: timestamp,
});
export type PriceAgreement = z.infer<typeof priceAgreementSchema>;

/** A company's agreements. */
export const companyAgreementsSchema = z.strictObject({
  company: z.strictObject({ id: z.number().int(), legalName: z.string() }),
  agreements: z.array(priceAgreementSchema),
});
export type CompanyAgreements = z.infer<typeof companyAgreementsSchema>;
