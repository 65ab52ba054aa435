import { describe, expect, it } from 'vitest';
import { agreementInput, agreementState, dayAsDate, formFields, linePrices, parseDiscountPercent, shownPrice } from './prices.ts';

describe('shownPrice', () => {
  it('is the list price alone for a visitor or a company without an agreement on the product', () => {
    expect(shownPrice({ priceCents: 21_000 })).toEqual({ priceCents: 21_000, listPriceCents: null, discountPercent: null, endsOn: null });
  });

  it("is the company's price with the list price beside it, and the discount in percent", () => {
    expect(shownPrice({ priceCents: 9_900, companyPrice: { priceCents: 7_920, kind: 'category_discount', discountBasisPoints: 2000, endsOn: '2026-12-31' } })).toEqual({
      priceCents: 7_920,
      listPriceCents: 9_900,
      discountPercent: 20,
      endsOn: '2026-12-31',
    });
    expect(shownPrice({ priceCents: 21_000, companyPrice: { priceCents: 15_000, kind: 'net_price', discountBasisPoints: null, endsOn: '2026-06-30' } })).toMatchObject({ priceCents: 15_000, listPriceCents: 21_000, discountPercent: null });
  });

  it('does not show a list price equal to the price paid', () => {
    expect(shownPrice({ priceCents: 1_000, companyPrice: { priceCents: 1_000, kind: 'net_price', discountBasisPoints: null, endsOn: '2026-06-30' } }).listPriceCents).toBeNull();
  });
});

describe('linePrices', () => {
  it('shows the list price of a cart or order line only when it differs (orders from before have none)', () => {
    expect(linePrices({ pricePer1000Cents: 15_000, listPricePer1000Cents: 21_000 })).toEqual({ priceCents: 15_000, listPriceCents: 21_000 });
    expect(linePrices({ pricePer1000Cents: 15_000, listPricePer1000Cents: 15_000 })).toEqual({ priceCents: 15_000, listPriceCents: null });
    expect(linePrices({ pricePer1000Cents: 15_000, listPricePer1000Cents: null })).toEqual({ priceCents: 15_000, listPriceCents: null });
  });
});

describe('parseDiscountPercent', () => {
  it('reads percents the French and the English way, into basis points', () => {
    expect(parseDiscountPercent('12')).toBe(1200);
    expect(parseDiscountPercent('12,5')).toBe(1250);
    expect(parseDiscountPercent('12.75 %')).toBe(1275);
    expect(parseDiscountPercent('100')).toBe(10_000);
    expect(parseDiscountPercent('0')).toBe(0);
  });

  it('refuses what is not a percent with at most two decimals', () => {
    for (const text of ['', 'ten', '-5', '12,345', '1e3']) expect(parseDiscountPercent(text), text).toBeNull();
  });
});

describe('dayAsDate', () => {
  it('keeps the day in Paris', () => {
    expect(dayAsDate('2026-12-31')).toBe('2026-12-31T12:00:00Z');
  });
});

describe('agreementState', () => {
  it('counts the first and the last day as in force', () => {
    const period = { startsOn: '2026-03-01', endsOn: '2026-03-31' };
    expect(agreementState(period, '2026-02-28')).toBe('upcoming');
    expect(agreementState(period, '2026-03-01')).toBe('active');
    expect(agreementState(period, '2026-03-31')).toBe('active');
    expect(agreementState(period, '2026-04-01')).toBe('ended');
  });
});

describe('agreementInput', () => {
  const form = { kind: '', category: 'mailers', discount: '12,5', product: 'kraft-box', netPrice: '150,00', startsOn: '2026-01-01', endsOn: '2026-12-31' };

  it('keeps the fields of the chosen kind, the percent in basis points and the euros in cents', () => {
    expect(agreementInput({ ...form, kind: 'category_discount' })).toEqual({ input: { kind: 'category_discount', category: 'mailers', discountBasisPoints: 1250, startsOn: '2026-01-01', endsOn: '2026-12-31' }, unreadable: null });
    expect(agreementInput({ ...form, kind: 'net_price' })).toEqual({ input: { kind: 'net_price', product: 'kraft-box', netPriceCents: 15_000, startsOn: '2026-01-01', endsOn: '2026-12-31' }, unreadable: null });
  });

  it('names an amount it cannot read', () => {
    expect(agreementInput({ ...form, kind: 'category_discount', discount: 'lots' }).unreadable).toBe('discount');
    expect(agreementInput({ ...form, kind: 'net_price', netPrice: '-3' }).unreadable).toBe('netPrice');
  });

  it("puts the cms' refusals under the form's names", () => {
    expect(formFields({ discountBasisPoints: 'a', netPriceCents: 'b', endsOn: 'c' })).toEqual({ discount: 'a', netPrice: 'b', endsOn: 'c' });
  });
});
