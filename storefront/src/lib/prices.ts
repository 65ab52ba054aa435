/**
 * Negotiated prices as the pages show them: what the signed-in member's company pays, with
 * the list price beside it when they differ, and what a consultant types for an agreement.
 */
import type { CompanyPrice } from '@ventalis/contracts/prices';
import { parseEurosToCents } from './format.ts';

export interface ShownPrice {
  /** What the reader pays per 1,000 units excl. VAT: their company's price, or the list price. */
  priceCents: number;
  /** The list price, when the company pays something else; null otherwise. */
  listPriceCents: number | null;
  /** The category discount behind it, in percent (12.5); null for a net price or the list price. */
  discountPercent: number | null;
  /** The last day of the agreement, `YYYY-MM-DD`; null for the list price. */
  endsOn: string | null;
}

/** A product's price for its reader: `companyPrice` only comes in a member's own answers. */
export function shownPrice(product: { priceCents: number; companyPrice?: CompanyPrice }): ShownPrice {
  const company = product.companyPrice;
  if (!company) return { priceCents: product.priceCents, listPriceCents: null, discountPercent: null, endsOn: null };
  return {
    priceCents: company.priceCents,
    listPriceCents: company.priceCents === product.priceCents ? null : product.priceCents,
    discountPercent: company.discountBasisPoints === null ? null : basisPointsToPercent(company.discountBasisPoints),
    endsOn: company.endsOn,
  };
}

/** A cart or order line's price, and the list price when it differs. */
export function linePrices(line: { pricePer1000Cents: number; listPricePer1000Cents?: number | null }): { priceCents: number; listPriceCents: number | null } {
  const list = line.listPricePer1000Cents ?? null;
  return { priceCents: line.pricePer1000Cents, listPriceCents: list !== null && list !== line.pricePer1000Cents ? list : null };
}

/** 1250 basis points → 12.5 (percent). */
export const basisPointsToPercent = (basisPoints: number) => basisPoints / 100;

/**
 * A discount typed in percent ("12", "12,5", "12.75 %") → basis points (1275); null when it is
 * not a number with at most two decimals. Whether it is within 0–100 % is the shared schema's rule.
 */
export function parseDiscountPercent(input: string): number | null {
  const text = input.replace(/[\s\u00a0\u202f%]/g, '');
  const match = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const [, whole, decimals = ''] = match;
  return Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
}

/** A calendar day `YYYY-MM-DD` as a date the formatters take (noon UTC: the same day in Paris). */
export const dayAsDate = (day: string) => `${day}T12:00:00Z`;

/** Where an agreement stands on a day: in force, ended or upcoming (both ends included). */
export function agreementState(agreement: { startsOn: string; endsOn: string }, today: string): 'active' | 'ended' | 'upcoming' {
  if (agreement.endsOn < today) return 'ended';
  if (agreement.startsOn > today) return 'upcoming';
  return 'active';
}

/** The consultant's agreement form: what it posts. */
export const AGREEMENT_FORM_FIELDS = ['kind', 'category', 'discount', 'product', 'netPrice', 'startsOn', 'endsOn'] as const;
export type AgreementForm = Record<(typeof AGREEMENT_FORM_FIELDS)[number], string>;

/** The cms' names of the form's amounts: its refusals name those. */
const CMS_FIELD_TO_FORM: Record<string, keyof AgreementForm> = { discountBasisPoints: 'discount', netPriceCents: 'netPrice' };

/** A refusal's fields (the cms' or the shared schema's names) under the form's names. */
export function formFields<T>(byField: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(byField).map(([field, value]) => [CMS_FIELD_TO_FORM[field] ?? field, value]));
}

/**
 * The form as the cms' input: the kind's own fields only, the percent in basis points and the
 * euros in cents. An amount that cannot be read is named in `unreadable`; every other rule
 * (ranges, dates, kind) is the shared schema's.
 */
export function agreementInput(form: AgreementForm): { input: Record<string, unknown>; unreadable: 'discount' | 'netPrice' | null } {
  const period = { startsOn: form.startsOn, endsOn: form.endsOn };
  if (form.kind === 'category_discount') {
    const discountBasisPoints = parseDiscountPercent(form.discount);
    return { input: { kind: form.kind, category: form.category, discountBasisPoints: discountBasisPoints ?? undefined, ...period }, unreadable: discountBasisPoints === null ? 'discount' : null };
  }
  if (form.kind === 'net_price') {
    const netPriceCents = parseEurosToCents(form.netPrice);
    return { input: { kind: form.kind, product: form.product, netPriceCents: netPriceCents ?? undefined, ...period }, unreadable: netPriceCents === null ? 'netPrice' : null };
  }
  return { input: { kind: form.kind, ...period }, unreadable: null };
}
