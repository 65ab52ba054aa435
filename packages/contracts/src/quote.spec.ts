import { describe, expect, it } from 'vitest';
import { fieldCodes } from './errors.ts';
import { addDays, quoteOfferSchema, quoteRequestSchema, quoteStatusOn } from './quote.ts';

describe('addDays', () => {
  it('counts calendar days across months, years and leap days', () => {
    expect(addDays('2026-12-05', 30)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('quoteStatusOn', () => {
  it('reads a sent offer expired from the day after its last day, and nothing else', () => {
    const sent = { status: 'sent' as const, validUntil: '2026-12-05' };
    expect(quoteStatusOn(sent, '2026-12-05')).toBe('sent');
    expect(quoteStatusOn(sent, '2026-12-06')).toBe('expired');
    expect(quoteStatusOn({ status: 'accepted', validUntil: '2026-12-01' }, '2026-12-06')).toBe('accepted');
    expect(quoteStatusOn({ status: 'requested', validUntil: null }, '2026-12-06')).toBe('requested');
  });
});

describe('an offer', () => {
  const line = { product: 'kraft-shipping-box', quantity: 2000, pricePer1000Cents: 9000 };
  const codesOf = (input: unknown) => {
    const parsed = quoteOfferSchema.safeParse(input);
    return parsed.success ? null : fieldCodes(parsed.error, input);
  };

  it('takes lines with a price above 0, a day and a comment', () => {
    expect(quoteOfferSchema.parse({ lines: [line], validUntil: '2027-01-04', comment: ' Prix ferme. ' })).toEqual({ lines: [line], validUntil: '2027-01-04', comment: 'Prix ferme.' });
  });

  it('refuses a price of 0 or below, a product twice, no line, a day that is none, each with its code', () => {
    expect(codesOf({ lines: [{ ...line, pricePer1000Cents: 0 }] })).toEqual({ 'lines.0.pricePer1000Cents': { code: 'quote.price_not_positive' } });
    expect(codesOf({ lines: [{ ...line, pricePer1000Cents: -1 }] })).toEqual({ 'lines.0.pricePer1000Cents': { code: 'quote.price_not_positive' } });
    expect(codesOf({ lines: [line, line] })).toEqual({ 'lines.1.product': { code: 'quote.duplicate_product', params: { product: 'kraft-shipping-box' } } });
    expect(codesOf({ lines: [] })).toMatchObject({ lines: { code: 'list.too_short' } });
    expect(codesOf({ lines: [line], validUntil: '2027-02-30' })).toEqual({ validUntil: { code: 'value.invalid_format' } });
    expect(codesOf({ lines: [{ ...line, pricePer1000Cents: 1.5 }] })).toMatchObject({ 'lines.0.pricePer1000Cents': { code: 'value.not_whole_number' } });
  });
});

describe('a request', () => {
  it('needs a message; quantities asked name each product once', () => {
    expect(quoteRequestSchema.safeParse({ message: '  ' }).success).toBe(false);
    expect(quoteRequestSchema.parse({ message: 'Un prix ?\nMerci', lines: [{ product: 'kraft-shipping-box', quantity: 80_000 }] })).toEqual({ message: 'Un prix ?\nMerci', lines: [{ product: 'kraft-shipping-box', quantity: 80_000 }] });
    expect(quoteRequestSchema.safeParse({ message: 'x', lines: [{ product: 'a', quantity: 1 }, { product: 'a', quantity: 2 }] }).success).toBe(false);
  });
});
