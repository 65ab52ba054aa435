import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, lineAmounts, quantityRefusal, refusal, sumAmounts, VAT_BANDS, type Cart, type CartLine, type CodedError, type Locale, type Refusal, type VatBand, type VatRegime } from '@ventalis/contracts';
import { fieldError, notFound } from '../../../utils/validation';
import { servedText } from '../../../utils/localized';
import { getService } from '../../../utils/services';
import type { CompanyPricing } from '../../company/services/prices';

const CART_ITEM = 'api::cart.cart-item';
const PRODUCT_FIELDS = ['id', 'documentId', 'sku', 'name', 'slug', 'priceCents', 'vatRate', 'minQuantity', 'quantityStep', 'stock', 'co2eKgPer1000'];

export interface CartProduct {
  id: number;
  documentId: string;
  sku: string | null;
  name: string;
  slug: string;
  priceCents: number;
  vatRate: VatBand;
  minQuantity: number;
  quantityStep: number;
  stock: number;
  co2eKgPer1000: number | string;
  images?: { url: string }[];
  category?: { name: string; documentId?: string } | null;
}
export interface StoredLine {
  id: number;
  quantity: number;
  product: CartProduct | null;
}

/** Amounts of a quantity of a product at a price per 1,000 units: the list price, or the company's. */
export const priceLine = (product: CartProduct, quantity: number, pricePer1000Cents = product.priceCents, regime: VatRegime = 'domestic') =>
  lineAmounts({ quantity, pricePer1000Cents, vatRate: VAT_BANDS[product.vatRate], co2eKgPer1000: Number(product.co2eKgPer1000) }, regime);

/**
 * An order's (or a quote's) line as it is stored: the product's name and category of the day,
 * the quantity, the price asked and the list price beside it, and the amounts.
 */
export const lineSnapshot = (product: CartProduct, quantity: number, pricePer1000Cents: number, regime: VatRegime) => {
  const amounts = priceLine(product, quantity, pricePer1000Cents, regime);
  return {
    productId: product.id,
    productName: product.name,
    productSlug: product.slug,
    categoryName: product.category?.name ?? null,
    quantity,
    pricePer1000Cents,
    listPricePer1000Cents: product.priceCents,
    vatRate: VAT_BANDS[product.vatRate],
    co2eKgPer1000: Number(product.co2eKgPer1000),
    exclVatCents: amounts.exclVatCents,
    vatCents: amounts.vatCents,
    co2eGrams: amounts.co2eGrams,
  };
};
export type LineSnapshot = ReturnType<typeof lineSnapshot>;

/** The totals of stored lines, as orders and quotes keep them. */
export const totalsOf = (lines: LineSnapshot[]) =>
  sumAmounts(lines.map((line) => ({ exclVatCents: line.exclVatCents, vatCents: line.vatCents, inclVatCents: line.exclVatCents + line.vatCents, co2eGrams: line.co2eGrams })));

/** What a company with these prices pays for a product today, per 1,000 units: its price, or the list price. */
export const priceFor = (pricing: CompanyPricing | null, product: CartProduct): number =>
  pricing?.priceOf({ documentId: product.documentId, priceCents: product.priceCents, categoryDocumentId: product.category?.documentId ?? null })?.priceCents ?? product.priceCents;

/** The first key of the carts' advisory locks (the second is the buyer's id). */
const CART_LOCK = 7_210_001;

/** One persistent cart per customer, kept as lines in the cms. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The cart's lines with their products; their images only when the cart is shown (`withImages`), not to order it. */
  const storedLines = async (customerId: number, { withImages = true } = {}): Promise<StoredLine[]> =>
    strapi.db.query(CART_ITEM).findMany({
      where: { customer: { id: customerId } },
      select: ['id', 'quantity'],
      populate: { product: { select: PRODUCT_FIELDS, populate: { ...(withImages ? { images: { select: ['url'] } } : {}), category: { select: ['name', 'documentId'] } } } },
      orderBy: { id: 'asc' },
    });

  /**
   * The product a slug names, in any language, as its French row: carts and orders always
   * point at that one row of a product, whichever language it was added in.
   */
  const findProduct = async (slug: string): Promise<CartProduct> => {
    const named = await strapi.db.query('api::product.product').findOne({ where: { slug }, select: ['documentId'], orderBy: { id: 'asc' } });
    const product = named
      ? await strapi.db.query('api::product.product').findOne({ where: { documentId: named.documentId, locale: DEFAULT_LOCALE, category: { visible: true } }, select: PRODUCT_FIELDS, populate: { category: { select: ['name', 'documentId'] } } })
      : null;
    if (!product) throw notFound(refusal('cart.product_not_found', `No product has the address "${slug}"`, { slug }));
    return product;
  };

  /**
   * Puts units of a product in the cart: a product already there gets them added to its line,
   * and the line's new quantity must follow the product's rules. Nothing is written when it
   * does not; the refusal says why. `lines` are the cart's lines when the caller holds them
   * already (several products added at once), read here otherwise.
   */
  const addUnits = async (customerId: number, product: CartProduct, quantity: number, lines?: StoredLine[]): Promise<Refusal | null> => {
    const existing = (lines ?? (await storedLines(customerId))).find((l) => l.product?.id === product.id);
    const total = (existing?.quantity ?? 0) + quantity;
    const problem = quantityRefusal(total, product);
    if (problem) return problem;
    if (existing) await strapi.db.query(CART_ITEM).update({ where: { id: existing.id }, data: { quantity: total } });
    else await strapi.db.query(CART_ITEM).create({ data: { customer: customerId, product: product.id, quantity: total } });
    return null;
  };

  const quantityError = (product: CartProduct, problem: Refusal) => fieldError('quantity', { ...problem, message: `${product.name}: ${problem.message}` });

  const refuseQuantity = (product: CartProduct, quantity: number) => {
    const problem = quantityRefusal(quantity, product);
    if (problem) throw quantityError(product, problem);
  };

  const lineOf = async (customerId: number, slug: string) => {
    const named = await strapi.db.query('api::product.product').findOne({ where: { slug }, select: ['documentId'] });
    const line = named ? (await storedLines(customerId)).find((l) => l.product?.documentId === named.documentId) : undefined;
    if (!line) throw notFound(refusal('cart.line_not_found', `"${slug}" is not in your cart`, { slug }));
    return line;
  };

  const service = {
    storedLines,
    addUnits,
    findProduct,

    /** Products by id, as their rows, with what an order line needs of them; hidden or deleted ones are missing. */
    async productsById(ids: number[]): Promise<Map<number, CartProduct>> {
      if (ids.length === 0) return new Map();
      const rows: CartProduct[] = await strapi.db.query('api::product.product').findMany({
        where: { id: { $in: ids }, category: { visible: true } },
        select: PRODUCT_FIELDS,
        populate: { category: { select: ['name', 'documentId'] } },
      });
      return new Map(rows.map((row) => [row.id, row]));
    },

    /** The products these SKUs name (in capitals), as their French rows, visible ones only. */
    async productsBySku(skus: string[]): Promise<Map<string, CartProduct>> {
      if (skus.length === 0) return new Map();
      const rows: CartProduct[] = await strapi.db.query('api::product.product').findMany({
        where: { sku: { $in: skus }, locale: DEFAULT_LOCALE, category: { visible: true } },
        select: PRODUCT_FIELDS,
      });
      return new Map(rows.map((row) => [String(row.sku), row]));
    },

    /**
     * The cart, product names and addresses in `locale` (French where a product has no version
     * in it), at the prices of the customer's company today, with the list prices beside them.
     */
    async view(customerId: number, locale: Locale = DEFAULT_LOCALE): Promise<Cart> {
      const stored = (await storedLines(customerId)).filter((line): line is StoredLine & { product: CartProduct } => line.product !== null);
      const [text, pricing, membership] = await Promise.all([
        servedText(strapi, 'api::product.product', stored.map((l) => l.product.documentId), locale),
        getService('company.prices').pricingForMember(customerId),
        getService('company.companies').membershipOf(customerId),
      ]);
      const vatRegime = await getService('company.companies').vatRegimeOf(membership?.companyId ?? null);
      const lines: CartLine[] = stored.map(({ product, quantity }) => {
        const price = priceFor(pricing, product);
        const own = text.get(product.documentId);
        const problem = quantityRefusal(quantity, product);
        const problemCode: CodedError | null = problem ? { code: problem.code, ...(problem.params ? { params: problem.params } : {}) } : null;
        return {
          product: {
            locale: own?.locale ?? DEFAULT_LOCALE,
            name: own?.name ?? product.name,
            slug: own?.slug ?? product.slug,
            minQuantity: product.minQuantity,
            quantityStep: product.quantityStep,
            stock: product.stock,
            image: product.images?.[0]?.url ?? null,
          },
          quantity,
          pricePer1000Cents: price,
          listPricePer1000Cents: product.priceCents,
          vatRate: VAT_BANDS[product.vatRate],
          amounts: priceLine(product, quantity, price, vatRegime),
          problem: problem?.message ?? null,
          problemCode,
        };
      });
      return { lines, totals: sumAmounts(lines.map((l) => l.amounts)), vatRegime };
    },

    /** Adds units of a product; a product already in the cart gets the units added to its line. */
    async add(customerId: number, slug: string, quantity: number, locale: Locale = DEFAULT_LOCALE): Promise<Cart> {
      await getService('company.companies').assertMayOrder(customerId);
      const product = await findProduct(slug);
      const problem = await addUnits(customerId, product, quantity);
      if (problem) throw quantityError(product, problem);
      return service.view(customerId, locale);
    },

    async setQuantity(customerId: number, slug: string, quantity: number, locale: Locale = DEFAULT_LOCALE): Promise<Cart> {
      await getService('company.companies').assertMayOrder(customerId);
      const line = await lineOf(customerId, slug);
      refuseQuantity(line.product!, quantity);
      await strapi.db.query(CART_ITEM).update({ where: { id: line.id }, data: { quantity } });
      return service.view(customerId, locale);
    },

    async remove(customerId: number, slug: string, locale: Locale = DEFAULT_LOCALE): Promise<Cart> {
      const line = await lineOf(customerId, slug);
      await strapi.db.query(CART_ITEM).delete({ where: { id: line.id } });
      return service.view(customerId, locale);
    },

    async empty(customerId: number, locale: Locale = DEFAULT_LOCALE): Promise<Cart> {
      await service.clear(customerId);
      return service.view(customerId, locale);
    },

    /**
     * In a transaction: holds the buyer's cart until it ends, so that the checkouts and quote
     * requests that read it and empty it take turns (a second one, sent at the same time, finds
     * it empty instead of ordering the same lines again). A lock of the cart's own on PostgreSQL
     * (no other work takes it, so it cannot deadlock with their row locks); SQLite runs one write
     * transaction at a time.
     */
    async hold(customerId: number): Promise<void> {
      if (strapi.db.dialect.client === 'sqlite') return;
      await strapi.db.transaction(({ trx }) => strapi.db.connection.raw('SELECT pg_advisory_xact_lock(?, ?)', [CART_LOCK, customerId]).transacting(trx as never));
    },

    async clear(customerId: number): Promise<void> {
      await strapi.db.query(CART_ITEM).deleteMany({ where: { customer: { id: customerId } } });
    },

    /** Puts lines back (a failed payment, a reorder), each kept within today's rules where possible. */
    async putBack(customerId: number, lines: { productId: number; quantity: number }[]) {
      for (const { productId, quantity } of lines) {
        const existing = (await storedLines(customerId)).find((l) => l.product?.id === productId);
        if (existing) await strapi.db.query(CART_ITEM).update({ where: { id: existing.id }, data: { quantity: existing.quantity + quantity } });
        else await strapi.db.query(CART_ITEM).create({ data: { customer: customerId, product: productId, quantity } });
      }
    },
  };
  return service;
};
