import { z } from 'zod';
import { VAT_RATES, type VatRate } from './catalogue.ts';
import { ORDER_STATUSES } from './order-status.ts';
import { textField } from './text.ts';
import { optionalLocaleSchema } from './locale-schema.ts';
import { MAX_CREDIT_LIMIT_CENTS, PAYMENT_METHODS, PAYMENT_STATUSES, PAYMENT_TERMS } from './company.ts';
import { formatInteger, formatUnits } from './format.ts';
import { refusal, rule, type Refusal } from './error-codes.ts';
import { calendarDay, cents, codedErrorSchema, localeAnswer, timestamp } from './answers.ts';

export * from './order-status.ts';

// ---------------------------------------------------------------- money
/** VAT rates in basis points, so that every computation stays in integers. */
const VAT_BASIS_POINTS: Record<VatRate, number> = { '20': 2000, '10': 1000, '5.5': 550, '2.1': 210 };

/** Price of a line: prices are per 1,000 units, in cents; rounded half up to the cent. */
export function lineTotalCents(quantity: number, pricePer1000Cents: number): number {
  return Math.round((quantity * pricePer1000Cents) / 1000);
}

export function vatCents(amountExclVatCents: number, vatRate: VatRate): number {
  return Math.round((amountExclVatCents * VAT_BASIS_POINTS[vatRate]) / 10_000);
}

/** kg CO₂e per 1,000 units × units = grams, kept as a whole number of grams. */
export function co2eGrams(quantity: number, co2eKgPer1000: number): number {
  return Math.round(quantity * co2eKgPer1000);
}

export interface PricedLine {
  quantity: number;
  pricePer1000Cents: number;
  vatRate: VatRate;
  co2eKgPer1000: number;
}

export const lineAmountsSchema = z.strictObject({ exclVatCents: cents, vatCents: cents, inclVatCents: cents, co2eGrams: z.number().int() });
export type LineAmounts = z.infer<typeof lineAmountsSchema>;

/** A line's amounts; under the intra-Community regime no French VAT is charged. */
export function lineAmounts(line: PricedLine, regime: 'domestic' | 'intra_community' = 'domestic'): LineAmounts {
  const exclVatCents = lineTotalCents(line.quantity, line.pricePer1000Cents);
  const vat = regime === 'intra_community' ? 0 : vatCents(exclVatCents, line.vatRate);
  return { exclVatCents, vatCents: vat, inclVatCents: exclVatCents + vat, co2eGrams: co2eGrams(line.quantity, line.co2eKgPer1000) };
}

/** Totals are the sums of the lines' rounded amounts (VAT per line). */
export function sumAmounts(amounts: LineAmounts[]): LineAmounts {
  return amounts.reduce(
    (t, a) => ({ exclVatCents: t.exclVatCents + a.exclVatCents, vatCents: t.vatCents + a.vatCents, inclVatCents: t.inclVatCents + a.inclVatCents, co2eGrams: t.co2eGrams + a.co2eGrams }),
    { exclVatCents: 0, vatCents: 0, inclVatCents: 0, co2eGrams: 0 },
  );
}

// ---------------------------------------------------------------- quantities
export interface QuantityRules {
  minQuantity: number;
  quantityStep: number;
  stock: number;
}

/** Why a quantity cannot be ordered, as a code naming the limit and a sentence; null when it can. */
export function quantityRefusal(quantity: number, rules: QuantityRules): Refusal | null {
  if (!Number.isInteger(quantity) || quantity <= 0) return refusal('quantity.not_whole', 'Quantity must be a whole number of units');
  if (quantity < rules.minQuantity) return refusal('quantity.below_minimum', `The minimum order is ${formatUnits(rules.minQuantity, 'en')}`, { min: rules.minQuantity });
  if ((quantity - rules.minQuantity) % rules.quantityStep !== 0) {
    const example = rules.minQuantity + rules.quantityStep;
    return refusal(
      'quantity.wrong_step',
      `Order in steps of ${formatUnits(rules.quantityStep, 'en')} from ${formatInteger(rules.minQuantity, 'en')} (for example ${formatInteger(example, 'en')})`,
      { step: rules.quantityStep, min: rules.minQuantity, example },
    );
  }
  if (quantity > rules.stock) {
    return rules.stock > 0 ? refusal('quantity.above_stock', `Only ${unitsLeft(rules.stock)} in stock`, { stock: rules.stock }) : refusal('quantity.out_of_stock', 'This product is out of stock');
  }
  return null;
}

/** Why a quantity cannot be ordered, naming the limit; null when it can. */
export function quantityProblem(quantity: number, rules: QuantityRules): string | null {
  return quantityRefusal(quantity, rules)?.message ?? null;
}

/** "5,000 units are", "1 unit is": how much of a product is left, in the cms' English sentences. */
export function unitsLeft(quantity: number): string {
  return `${formatUnits(quantity, 'en')} ${quantity === 1 ? 'is' : 'are'}`;
}

/** The nearest quantity that follows the rules (ignoring stock), for reorders and forms. */
export function nearestValidQuantity(quantity: number, rules: Omit<QuantityRules, 'stock'>): number {
  if (quantity <= rules.minQuantity) return rules.minQuantity;
  const steps = Math.round((quantity - rules.minQuantity) / rules.quantityStep);
  return rules.minQuantity + steps * rules.quantityStep;
}

// ---------------------------------------------------------------- lifecycle
// ---------------------------------------------------------------- requests
const slug = z.string({ error: 'product is required' }).trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'product must be a product slug');
const quantity = z
  .number({ error: 'quantity must be a number of units' })
  .int('quantity must be a whole number of units')
  .positive('quantity must be at least 1')
  .max(100_000_000, 'quantity is too large');

export const addToCartSchema = z.strictObject({ product: slug, quantity });
export const setQuantitySchema = z.strictObject({ quantity });

/** A purchase-order number as the buyer's accounting writes it (EN 16931 allows any text; 35 characters is the usual field). */
export const purchaseOrderNumberSchema = z
  .string({ error: 'The purchase-order number must be text' })
  .trim()
  .max(35, 'The purchase-order number is at most 35 characters')
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), rule('text.control_characters', 'The purchase-order number contains characters that cannot be stored'));

export const checkoutSchema = z.strictObject({
  idempotencyKey: z.uuid({ error: 'idempotencyKey must be a UUID generated once per checkout form' }),
  paymentMethod: z.enum(PAYMENT_METHODS, { error: `paymentMethod must be one of ${PAYMENT_METHODS.join(', ')}` }).default('card'),
  purchaseOrderNumber: purchaseOrderNumberSchema.optional().transform((value) => value || undefined),
});
export type CheckoutRequest = z.infer<typeof checkoutSchema>;

/** What a consultant (or an administrator) grants a company: card only, or on invoice within a credit limit. */
/** Why an order waits for an admin: it passes the buyer's limit per order, or per calendar month. */
export type ApprovalReason = 'order_limit' | 'monthly_limit';

/** An admin's decision on an order waiting for approval: a comment the buyer reads (required to decline). */
export const approvalDecisionSchema = z.strictObject({ comment: textField('Comment', { max: 1000, min: 0, kind: 'multi-line' }).optional() });

export const companyTermsSchema = z.strictObject({
  paymentTerms: z.enum(PAYMENT_TERMS, { error: `paymentTerms must be one of ${PAYMENT_TERMS.join(', ')}` }),
  creditLimitCents: z
    .number({ error: 'The credit limit must be an amount in cents' })
    .int('The credit limit must be a whole number of cents')
    .refine((cents) => cents >= 0 && cents <= MAX_CREDIT_LIMIT_CENTS, rule('company.credit_limit_out_of_range', 'The credit limit is between €0 and €1,000,000', { maxCents: MAX_CREDIT_LIMIT_CENTS })),
  requirePurchaseOrder: z.boolean({ error: 'requirePurchaseOrder must be true or false' }),
});

export const simulatedCardSchema = z.strictObject({
  cardNumber: z
    .string({ error: 'Card number is required' })
    .transform((s) => s.replace(/[\s-]+/g, ''))
    .refine((s) => /^\d{13,19}$/.test(s), rule('card.number_invalid', 'Card number must be 13 to 19 digits')),
  expiry: z
    .string({ error: 'Expiry date is required' })
    .trim()
    .refine((expiry) => /^(0[1-9]|1[0-2])\s?\/\s?\d{2}$/.test(expiry), rule('card.expiry_invalid', 'Expiry date must be MM/YY')),
  cvc: z.string({ error: 'CVC is required' }).trim().refine((cvc) => /^\d{3,4}$/.test(cvc), rule('card.cvc_invalid', 'CVC must be 3 or 4 digits')),
  name: textField('Name on card', { max: 100, min: 0 }).optional(),
});

export const statusChangeSchema = z.strictObject({
  status: z.enum(ORDER_STATUSES, { error: `status must be one of ${ORDER_STATUSES.join(', ')}` }),
  comment: textField('Comment', { max: 2000, kind: 'multi-line', messages: { required: 'A comment for the client is required' } }),
});

export const noteSchema = z.strictObject({
  body: textField('Note', { max: 4000, kind: 'multi-line', messages: { required: 'The note is empty', tooLong: 'A note is at most 4000 characters' } }),
});

export const orderListQuerySchema = z.strictObject({
  scope: z.enum(['ongoing', 'completed'], { error: 'scope must be ongoing or completed' }).optional(),
  page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'pageSize is at most 100').default(25),
});

export const consultantOrderQuerySchema = z.strictObject({
  status: z.enum(ORDER_STATUSES, { error: `status must be one of ${ORDER_STATUSES.join(', ')}` }).optional(),
  client: z.coerce.number({ error: 'client must be a client id' }).int().positive('client must be a client id').optional(),
  page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'pageSize is at most 100').default(25),
});

export const impactQuerySchema = z.strictObject({
  locale: optionalLocaleSchema,
  year: z.coerce.number({ error: 'year must be a year, such as 2026' }).int('year must be a year, such as 2026').min(2000, 'year must be 2000 or later').max(2100, 'year must be 2100 or earlier').optional(),
});

// ---------------------------------------------------------------- answers
const vatRegime = z.enum(['domestic', 'intra_community']);

export const cartLineSchema = z.strictObject({
  /** Name and slug in the asked locale, or in French (`locale: 'fr'`) where the product has no version in it. */
  product: z.strictObject({ locale: localeAnswer, name: z.string(), slug: z.string(), minQuantity: z.number().int(), quantityStep: z.number().int(), stock: z.number().int(), image: z.string().nullable() }),
  quantity: z.number().int(),
  /** What the customer's company pays per 1,000 units: its negotiated price, or the list price. */
  pricePer1000Cents: cents,
  /** The list price, beside it. */
  listPricePer1000Cents: cents,
  vatRate: z.enum(VAT_RATES),
  amounts: lineAmountsSchema,
  problem: z.string().nullable(),
  /** The same problem as a code, to word it in the reader's language. */
  problemCode: codedErrorSchema.nullable(),
});
export type CartLine = z.infer<typeof cartLineSchema>;

export const cartSchema = z.strictObject({
  lines: z.array(cartLineSchema),
  totals: lineAmountsSchema,
  /** 'intra_community': the company buys exempt of French VAT (its lines carry no VAT). */
  vatRegime,
});
export type Cart = z.infer<typeof cartSchema>;

export const orderLineSchema = z.strictObject({
  productName: z.string(),
  productSlug: z.string(),
  quantity: z.number().int(),
  /** The price the order was placed at (the company's negotiated price where it had one). */
  pricePer1000Cents: cents,
  /** The list price on that day; null for orders placed before negotiated prices. */
  listPricePer1000Cents: cents.nullable(),
  vatRate: z.enum(VAT_RATES),
  amounts: lineAmountsSchema,
});
export type OrderLine = z.infer<typeof orderLineSchema>;

/** Who changed an order or a quote. `company_admin`: an admin of the client company (approving or declining an order), named in `byName`. */
export const actorSchema = z.enum(['customer', 'company_admin', 'consultant', 'administrator', 'system']);

/** A change of status in an order's or a quote's history. */
export const historyEventSchema = <S extends readonly [string, ...string[]]>(statuses: S) =>
  z.strictObject({ at: timestamp, from: z.enum(statuses).nullable(), to: z.enum(statuses), by: actorSchema, byName: z.string().nullable(), comment: z.string().nullable() });

export const orderEventSchema = historyEventSchema(ORDER_STATUSES);
export type OrderEvent = z.infer<typeof orderEventSchema>;

export const orderNoteSchema = z.strictObject({ at: timestamp, author: z.string(), body: z.string() });
export type OrderNote = z.infer<typeof orderNoteSchema>;

export const orderSchema = z.strictObject({
  reference: z.string(),
  status: z.enum(ORDER_STATUSES),
  placedAt: timestamp,
  provider: z.enum(['simulated', 'stripe']),
  paymentExpiresAt: timestamp.nullable(),
  /** By card at checkout, or on invoice (then `paymentTerms` and `paymentDueAt` say when). */
  paymentMethod: z.enum(PAYMENT_METHODS),
  /** Where the money stands, apart from the goods: an order on invoice can be delivered and unpaid. */
  paymentStatus: z.enum(PAYMENT_STATUSES),
  paymentTerms: z.enum(PAYMENT_TERMS).nullable(),
  paymentDueAt: calendarDay.nullable(),
  purchaseOrderNumber: z.string().nullable(),
  /** The quote it was placed from (accepted), if any: an order from a quote that ends unpaid gives the offer back. */
  quoteNumber: z.string().nullable(),
  /** Above the buyer's limit: until when the company's admins may approve it, and which limit it passed. */
  approvalExpiresAt: timestamp.nullable(),
  approvalReason: z.enum(['order_limit', 'monthly_limit']).nullable(),
  /** 'intra_community': sold exempt of French VAT to a company of another EU member state. */
  vatRegime,
  /** The number of its invoice, once the sale is certain (paid by card, confirmed on invoice). */
  invoiceNumber: z.string().nullable(),
  lines: z.array(orderLineSchema),
  totals: lineAmountsSchema,
  history: z.array(orderEventSchema),
});
export type Order = z.infer<typeof orderSchema>;

/** An order as its consultant sees it: with the client and the internal notes. */
export const consultantOrderSchema = orderSchema.extend({
  client: z.strictObject({ id: z.number().int(), companyName: z.string(), email: z.string(), firstName: z.string().optional(), lastName: z.string().optional() }).nullable(),
  notes: z.array(orderNoteSchema).optional(),
});
export type ConsultantOrder = z.infer<typeof consultantOrderSchema>;

/** An order above a buyer's limit, as the company's admins see it: with the buyer. */
export const pendingApprovalSchema = orderSchema.extend({ buyer: z.strictObject({ id: z.number().int(), name: z.string() }) });
export type PendingApproval = z.infer<typeof pendingApprovalSchema>;

/** How an order is paid once it is placed: the simulated card form, or Stripe's Payment Element. */
export const paymentStartSchema = z.strictObject({
  provider: z.enum(['simulated', 'stripe']),
  clientSecret: z.string().nullable(),
  publishableKey: z.string().nullable(),
});
export type PaymentStart = z.infer<typeof paymentStartSchema>;

/** POST /api/checkout (and accepting a quote): the order placed. A card payment is then started with POST /api/orders/:reference/payment. */
export const placedOrderSchema = z.strictObject({ order: orderSchema });
export type PlacedOrder = z.infer<typeof placedOrderSchema>;

/** POST /api/orders/:reference/simulated-payment: what the simulated card did, and the order after it. */
export const simulatedPaymentResultSchema = z.strictObject({ outcome: z.string(), order: orderSchema });
export type SimulatedPaymentResult = z.infer<typeof simulatedPaymentResultSchema>;

/** POST /api/orders/:reference/reorder: the cart with the order's lines back in it, and the lines that could not go back. */
export const reorderResultSchema = z.strictObject({
  cart: cartSchema,
  skipped: z.array(z.strictObject({ product: z.string(), reason: z.string(), code: codedErrorSchema })),
});
export type ReorderResult = z.infer<typeof reorderResultSchema>;

export const categoryImpactSchema = z.strictObject({ category: z.string(), units: z.number().int(), exclVatCents: cents, co2eGrams: z.number().int() });
export type CategoryImpact = z.infer<typeof categoryImpactSchema>;

/** One month of a year's paid orders (1 = January, in France's calendar). */
export const monthImpactSchema = z.strictObject({ month: z.number().int().min(1).max(12), exclVatCents: cents, co2eGrams: z.number().int() });
export type MonthImpact = z.infer<typeof monthImpactSchema>;

/**
 * A year of a client's paid orders: spend excl. VAT and CO₂e, by category (largest spend
 * first) and by month (all twelve). CO₂e is each product's emission factor (kg CO₂e per
 * 1,000 units) × the units bought: GHG Protocol scope 3, category 1, purchased goods.
 */
export const impactSummarySchema = z.strictObject({
  year: z.number().int(),
  /** Years with paid orders, and the current one, newest first. */
  years: z.array(z.number().int()),
  orders: z.number().int(),
  totals: z.strictObject({ exclVatCents: cents, co2eGrams: z.number().int() }),
  byCategory: z.array(categoryImpactSchema),
  byMonth: z.array(monthImpactSchema),
});
export type ImpactSummary = z.infer<typeof impactSummarySchema>;
