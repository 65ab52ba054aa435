import { z } from 'zod';
import { rule } from './error-codes.ts';
import { isDay, type Day } from './prices.ts';
import { textField } from './text.ts';
import { checkoutSchema, historyEventSchema, lineAmountsSchema } from './orders.ts';
import { VAT_RATES } from './catalogue.ts';
import { calendarDay, cents, timestamp } from './answers.ts';

/**
 * Quotes: a buyer turns their cart into a request with a message (quantities beyond stock,
 * special prices); the company's consultant adjusts prices and quantities, sets how long the
 * offer holds and sends it; the buyer accepts it (an order at the quoted prices) or declines
 * it. Money is in integer cents, prices per 1,000 units excl. VAT, as everywhere in Ventalis.
 */

/** `requested → sent → accepted | declined | expired`; the consultant may send a revised offer while it is open. */
export const QUOTE_STATUSES = ['requested', 'sent', 'accepted', 'declined', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** How long an offer holds unless the consultant says otherwise, and at most. */
export const QUOTE_VALIDITY_DAYS = 30;
export const QUOTE_MAX_VALIDITY_DAYS = 365;
export const QUOTE_MAX_LINES = 200;
/**
 * The largest quote, so that the order it becomes can be stored: 20 million euros incl. VAT,
 * and as many grams of CO₂e.
 */
export const QUOTE_MAX_TOTAL = 2_000_000_000;
/** The highest price per 1,000 units a quote may name: 1 million euros. */
export const QUOTE_MAX_PRICE_CENTS = 100_000_000;

/** `day` plus `days` calendar days, both YYYY-MM-DD. */
export function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * A quote's status as its readers see it on `today` (YYYY-MM-DD, France): an offer whose last
 * day has passed is expired, even before the daily job records it.
 */
export function quoteStatusOn(quote: { status: QuoteStatus; validUntil: Day | null }, today: Day): QuoteStatus {
  return quote.status === 'sent' && quote.validUntil !== null && quote.validUntil < today ? 'expired' : quote.status;
}

const slug = z.string({ error: 'product is required' }).trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'product must be a product slug');
const quantity = z
  .number({ error: 'quantity must be a number of units' })
  .int('quantity must be a whole number of units')
  .positive('quantity must be at least 1')
  .max(100_000_000, 'quantity is too large');

const noProductTwice = <Line extends { product: string }>(lines: Line[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.product)) ctx.addIssue({ code: 'custom', path: [index, 'product'], ...rule('quote.duplicate_product', `${line.product} is named twice: one line per product`, { product: line.product }) });
    seen.add(line.product);
  });
};

/**
 * A buyer's request, from their cart: a message, and the quantities they would like where they
 * differ from the cart's (more than the stock allows, for instance). POST /api/quotes.
 */
export const quoteRequestSchema = z.strictObject({
  message: textField('Your message', { max: 2000, kind: 'multi-line' }),
  lines: z
    .array(z.strictObject({ product: slug, quantity }), { error: 'lines must be a list of { product, quantity }' })
    .max(QUOTE_MAX_LINES, `At most ${QUOTE_MAX_LINES} lines`)
    .superRefine(noProductTwice)
    .optional(),
});
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

/** The consultant's offer: every line with its quantity and unit price, until when it holds, and a word to the buyer. */
export const quoteOfferSchema = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        product: slug,
        quantity,
        pricePer1000Cents: z
          .number({ error: 'pricePer1000Cents must be a number of cents' })
          .int('pricePer1000Cents must be a whole number of cents')
          .refine((cents) => cents > 0, rule('quote.price_not_positive', 'A quoted price must be more than 0 €'))
          .refine((cents) => cents <= QUOTE_MAX_PRICE_CENTS, rule('number.too_large', 'A quoted price is at most 1,000,000 € per 1,000 units', { max: QUOTE_MAX_PRICE_CENTS })),
      }),
      { error: 'lines must be a list of { product, quantity, pricePer1000Cents }' },
    )
    .min(1, 'A quote has at least one line')
    .max(QUOTE_MAX_LINES, `At most ${QUOTE_MAX_LINES} lines`)
    .superRefine(noProductTwice),
  validUntil: z
    .string({ error: 'validUntil must be a date written YYYY-MM-DD' })
    .trim()
    .refine(isDay, rule('value.invalid_format', 'validUntil must be a date written YYYY-MM-DD'))
    .optional(),
  comment: textField('Your comment', { max: 2000, min: 0, kind: 'multi-line' }).optional(),
});
export type QuoteOffer = z.infer<typeof quoteOfferSchema>;

/**
 * Accepting an offer is checking it out (how to pay, the buyer's purchase-order number), naming
 * the offer accepted by when it was sent: a revision sent meanwhile is not accepted unseen.
 */
export const quoteAcceptSchema = checkoutSchema.extend({
  offer: z.iso.datetime({ error: 'offer must be the sentAt of the offer you accept' }),
});
export type QuoteAccept = z.infer<typeof quoteAcceptSchema>;

export const quoteDeclineSchema = z.strictObject({
  reason: textField('The reason', { max: 1000, min: 0, kind: 'multi-line' }).optional(),
});

/** A consultant's list of their companies' quotes: GET /api/consultant/quotes. */
export const consultantQuoteQuerySchema = z.strictObject({
  status: z.enum(QUOTE_STATUSES, { error: `status must be one of ${QUOTE_STATUSES.join(', ')}` }).optional(),
  company: z.coerce.number({ error: 'company must be a company id' }).int('company must be a company id').positive('company must be a company id').optional(),
});

export const quoteLineSchema = z.strictObject({
  productName: z.string(),
  productSlug: z.string(),
  quantity: z.number().int(),
  /** The price asked per 1,000 units excl. VAT: the company's on the day of the request, then the consultant's. */
  pricePer1000Cents: cents,
  /** The list price when the quote was last written. */
  listPricePer1000Cents: cents,
  vatRate: z.enum(VAT_RATES),
  amounts: lineAmountsSchema,
  /** The product's ordering rules, for forms. */
  minQuantity: z.number().int(),
  quantityStep: z.number().int(),
});
export type QuoteLine = z.infer<typeof quoteLineSchema>;

export const quoteEventSchema = historyEventSchema(QUOTE_STATUSES);
export type QuoteEvent = z.infer<typeof quoteEventSchema>;

export const quoteSchema = z.strictObject({
  /** `D-2026-000017`. */
  number: z.string(),
  /** As on today: an offer past its last day reads `expired`. */
  status: z.enum(QUOTE_STATUSES),
  requestedAt: timestamp,
  sentAt: timestamp.nullable(),
  /** The offer's last day (YYYY-MM-DD, France), once sent. */
  validUntil: calendarDay.nullable(),
  /** The buyer's request. */
  message: z.string(),
  /** The consultant's word with the offer. */
  comment: z.string().nullable(),
  requestedBy: z.string().nullable(),
  companyName: z.string(),
  vatRegime: z.enum(['domestic', 'intra_community']),
  lines: z.array(quoteLineSchema),
  totals: lineAmountsSchema,
  history: z.array(quoteEventSchema),
  /** The order it became, once accepted. */
  orderReference: z.string().nullable(),
  /** The conversation with the consultant about it. */
  conversationId: z.number().int().nullable(),
});
export type Quote = z.infer<typeof quoteSchema>;

/** A quote as its consultant sees it: whose it is. */
export const consultantQuoteSchema = quoteSchema.extend({ client: z.strictObject({ id: z.number().int(), email: z.string(), companyId: z.number().int() }) });
export type ConsultantQuote = z.infer<typeof consultantQuoteSchema>;
