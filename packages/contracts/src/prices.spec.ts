import { describe, expect, test } from 'vitest';
import { CompanyPriceList, dayInFrance, discountedPriceCents, isDay, periodsOverlap, type AgreementTerms } from './prices.ts';
import { priceAgreementInputSchema } from './price-agreements.ts';
import { fieldCodes } from './errors.ts';

const discount = (category: string, discountBasisPoints: number, startsOn = '2026-01-01', endsOn = '2026-12-31'): AgreementTerms => ({ kind: 'category_discount', category, discountBasisPoints, startsOn, endsOn });
const net = (product: string, netPriceCents: number, startsOn = '2026-01-01', endsOn = '2026-12-31'): AgreementTerms => ({ kind: 'net_price', product, netPriceCents, startsOn, endsOn });

describe('discounted prices', () => {
  test('are rounded half up to the cent, in integers', () => {
    expect(discountedPriceCents(10_000, 1250)).toBe(8750);
    expect(discountedPriceCents(9_999, 1000)).toBe(8999); // 8999.1
    expect(discountedPriceCents(1_005, 5000)).toBe(503); // 502.5 rounds up
    expect(discountedPriceCents(65_000, 10_000)).toBe(0);
    expect(discountedPriceCents(1, 1)).toBe(1);
  });
});

describe('a company price list', () => {
  const box = { product: 'box', listPriceCents: 10_000, categories: ['mailers', 'packaging'] };

  test('a net price wins over a discount', () => {
    const list = new CompanyPriceList([discount('mailers', 2000), net('box', 7000)], '2026-06-01');
    expect(list.priceOf(box)).toEqual({ priceCents: 7000, kind: 'net_price', discountBasisPoints: null, endsOn: '2026-12-31' });
  });

  test('a sub-category inherits its parent’s discount, and its own discount is more specific', () => {
    expect(new CompanyPriceList([discount('packaging', 1000)], '2026-06-01').priceOf(box)).toMatchObject({ priceCents: 9000, discountBasisPoints: 1000 });
    expect(new CompanyPriceList([discount('packaging', 3000), discount('mailers', 500)], '2026-06-01').priceOf(box)).toMatchObject({ priceCents: 9500 });
  });

  test('agreements count from their first to their last day, both included', () => {
    const agreements = [net('box', 7000, '2026-03-01', '2026-03-31')];
    expect(new CompanyPriceList(agreements, '2026-02-28').priceOf(box)).toBeNull();
    expect(new CompanyPriceList(agreements, '2026-03-01').priceOf(box)?.priceCents).toBe(7000);
    expect(new CompanyPriceList(agreements, '2026-03-31').priceOf(box)?.priceCents).toBe(7000);
    expect(new CompanyPriceList(agreements, '2026-04-01').priceOf(box)).toBeNull();
    expect(new CompanyPriceList(agreements, '2026-04-01').isEmpty).toBe(true);
  });

  test('a product nothing covers keeps its list price', () => {
    expect(new CompanyPriceList([discount('cleaning', 1000), net('soap', 1)], '2026-06-01').priceOf(box)).toBeNull();
  });
});

describe('days', () => {
  test('are real calendar dates', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay('tomorrow')).toBe(false);
  });
  test('today is the French day: 23:30 UTC on 31 December is already New Year in Paris', () => {
    expect(dayInFrance(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
  test('periods overlap when they share a day', () => {
    expect(periodsOverlap({ startsOn: '2026-01-01', endsOn: '2026-01-31' }, { startsOn: '2026-01-31', endsOn: '2026-02-28' })).toBe(true);
    expect(periodsOverlap({ startsOn: '2026-01-01', endsOn: '2026-01-30' }, { startsOn: '2026-01-31', endsOn: '2026-02-28' })).toBe(false);
  });
});

describe('an agreement input', () => {
  const codesOf = (input: object) => {
    const result = priceAgreementInputSchema.safeParse(input);
    return result.success ? null : fieldCodes(result.error, input);
  };
  const period = { startsOn: '2026-01-01', endsOn: '2026-12-31' };

  test('refuses a discount of 0 or over 100 %, a net price of 0 or below, an end before the start', () => {
    expect(codesOf({ kind: 'category_discount', category: 'mailers', discountBasisPoints: 0, ...period })).toEqual({ discountBasisPoints: { code: 'agreement.discount_out_of_range' } });
    expect(codesOf({ kind: 'category_discount', category: 'mailers', discountBasisPoints: 10_001, ...period })).toEqual({ discountBasisPoints: { code: 'agreement.discount_out_of_range' } });
    expect(codesOf({ kind: 'net_price', product: 'box', netPriceCents: 0, ...period })).toEqual({ netPriceCents: { code: 'agreement.net_price_not_positive' } });
    expect(codesOf({ kind: 'net_price', product: 'box', netPriceCents: -5, ...period })).toEqual({ netPriceCents: { code: 'agreement.net_price_not_positive' } });
    expect(codesOf({ kind: 'net_price', product: 'box', netPriceCents: 100, startsOn: '2026-02-01', endsOn: '2026-01-31' })).toEqual({ endsOn: { code: 'agreement.ends_before_start' } });
    expect(codesOf({ kind: 'net_price', product: 'box', netPriceCents: 100, startsOn: '2026-02-30', endsOn: '2026-03-31' })).toEqual({ startsOn: { code: 'value.invalid_format' } });
  });

  test('accepts 100 % and a one-day agreement', () => {
    expect(codesOf({ kind: 'category_discount', category: 'mailers', discountBasisPoints: 10_000, startsOn: '2026-05-01', endsOn: '2026-05-01' })).toBeNull();
  });

  test('refuses an unknown kind and fields of the other kind', () => {
    expect(codesOf({ kind: 'gift', ...period })).not.toBeNull();
    expect(codesOf({ kind: 'net_price', product: 'box', netPriceCents: 100, discountBasisPoints: 5, ...period })).toEqual({ _: { code: 'request.unknown_fields', params: { fields: 'discountBasisPoints' } } });
  });
});
