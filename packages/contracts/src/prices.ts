/**
 * Negotiated prices: what a client company pays for a product on a day. A consultant agrees
 * with each of their companies discounts per category (a category's sub-categories inherit
 * them) and net prices per product, each from one day to another, both included. The rules
 * are here, once, for the cms and for the storefront's forms. No zod here: browser code may import it.
 *
 * - A net price for the product wins over any discount.
 * - Otherwise the discount of the most specific category applies: the product's own category
 *   over its parent (and so on up). Agreements for the same product or the same category
 *   never overlap in time (the cms refuses it), so at most one applies at each level.
 * - Amounts are integer cents per 1,000 units; a discount is in basis points (1250 = 12.5 %)
 *   and the discounted price is rounded half up to the cent.
 */
import type { CompanyPrice } from './catalogue.ts';

export const AGREEMENT_KINDS = ['category_discount', 'net_price'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** 100 %: a discount is more than 0 and at most this. */
export const FULL_DISCOUNT_BASIS_POINTS = 10_000;

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

/** The list price per 1,000 units minus a discount, rounded half up to the cent. */
export function discountedPriceCents(listPriceCents: number, discountBasisPoints: number): number {
  const scaled = listPriceCents * (FULL_DISCOUNT_BASIS_POINTS - discountBasisPoints);
  return Math.floor((scaled + FULL_DISCOUNT_BASIS_POINTS / 2) / FULL_DISCOUNT_BASIS_POINTS);
}

/** Whether a day is a real date of the calendar written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Built once: a formatter costs far more to make than to use, and every signed-in catalogue read asks the day. */
let parisDays: Intl.DateTimeFormat | undefined;

/** Today in France, where agreements are made: days start and end at midnight, Paris time. */
export function dayInFrance(at: Date = new Date()): Day {
  parisDays ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
  return parisDays.format(at);
}

/** Two periods (days included) share at least one day. */
export const periodsOverlap = (a: { startsOn: Day; endsOn: Day }, b: { startsOn: Day; endsOn: Day }) => a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

/** An agreement as the rules read it: its target is a key (the cms uses document ids). */
export type AgreementTerms =
  | { kind: 'category_discount'; category: string; discountBasisPoints: number; startsOn: Day; endsOn: Day }
  | { kind: 'net_price'; product: string; netPriceCents: number; startsOn: Day; endsOn: Day };

/** What a member of a company sees beside a product's list price (its schema: catalogue.ts). */
export type { CompanyPrice };

/** A product as the rules need it: its key, list price, and its category then that category's ancestors. */
export interface PricedProduct {
  product: string;
  listPriceCents: number;
  categories: string[];
}

/** The agreements of a company in force on a day, indexed for resolution. */
export class CompanyPriceList {
  private readonly netPrices = new Map<string, AgreementTerms & { kind: 'net_price' }>();
  private readonly discounts = new Map<string, AgreementTerms & { kind: 'category_discount' }>();

  constructor(agreements: AgreementTerms[], day: Day) {
    for (const agreement of agreements) {
      if (agreement.startsOn > day || agreement.endsOn < day) continue;
      if (agreement.kind === 'net_price') this.netPrices.set(agreement.product, agreement);
      else this.discounts.set(agreement.category, agreement);
    }
  }

  get isEmpty(): boolean {
    return this.netPrices.size === 0 && this.discounts.size === 0;
  }

  /** The company's price of a product, or null when no agreement covers it (the list price applies). */
  priceOf({ product, listPriceCents, categories }: PricedProduct): CompanyPrice | null {
    const net = this.netPrices.get(product);
    if (net) return { priceCents: net.netPriceCents, kind: 'net_price', discountBasisPoints: null, endsOn: net.endsOn };
    for (const category of categories) {
      const discount = this.discounts.get(category);
      if (discount) {
        return { priceCents: discountedPriceCents(listPriceCents, discount.discountBasisPoints), kind: 'category_discount', discountBasisPoints: discount.discountBasisPoints, endsOn: discount.endsOn };
      }
    }
    return null;
  }
}
