import { describe, expect, test } from 'vitest';
import { co2eGrams, consultantMayMove, lineAmounts, lineTotalCents, nearestValidQuantity, quantityProblem, sumAmounts, vatCents } from './orders.ts';

describe('money in integer cents', () => {
  test('a line costs quantity × price per 1,000 / 1,000, rounded half up to the cent', () => {
    expect(lineTotalCents(1000, 4599)).toBe(4599);
    expect(lineTotalCents(1500, 4599)).toBe(6899); // 6898.5 → 6899
    expect(lineTotalCents(1250, 333)).toBe(416); // 416.25 → 416
    expect(lineTotalCents(100_000_000, 100_000_000)).toBe(10_000_000_000_000);
  });

  test('VAT is computed per line at 20, 10, 5.5 and 2.1 %', () => {
    expect(vatCents(10_000, '20')).toBe(2000);
    expect(vatCents(10_000, '10')).toBe(1000);
    expect(vatCents(999, '5.5')).toBe(55); // 54.945 → 55
    expect(vatCents(1234, '2.1')).toBe(26); // 25.914 → 26
    expect(vatCents(0, '20')).toBe(0);
  });

  test('order totals are sums of the rounded line amounts, never of floats', () => {
    const a = lineAmounts({ quantity: 1500, pricePer1000Cents: 4599, vatRate: '20', co2eKgPer1000: 12.5 });
    const b = lineAmounts({ quantity: 2000, pricePer1000Cents: 1999, vatRate: '5.5', co2eKgPer1000: 0.31 });
    expect(a).toEqual({ exclVatCents: 6899, vatCents: 1380, inclVatCents: 8279, co2eGrams: 18750 });
    expect(b).toEqual({ exclVatCents: 3998, vatCents: 220, inclVatCents: 4218, co2eGrams: 620 });
    expect(sumAmounts([a, b])).toEqual({ exclVatCents: 10897, vatCents: 1600, inclVatCents: 12497, co2eGrams: 19370 });
    for (const value of Object.values(sumAmounts([a, b]))) expect(Number.isInteger(value)).toBe(true);
  });

  test('CO₂e is kept in whole grams', () => {
    expect(co2eGrams(1000, 0.31)).toBe(310);
    expect(co2eGrams(3, 0.1)).toBe(0);
  });
});

describe('quantity rules', () => {
  const rules = { minQuantity: 1000, quantityStep: 250, stock: 5000 };
  test.each([
    // The cms' English sentence writes numbers the English way ("1,000 units"); the code's parameters carry the numbers.
    [999, 'The minimum order is 1,000\u00a0units'],
    [1100, 'Order in steps of 250\u00a0units from 1,000 (for example 1,250)'],
    [5250, 'Only 5,000\u00a0units are in stock'],
    [0, 'Quantity must be a whole number of units'],
    [1000.5, 'Quantity must be a whole number of units'],
  ])('refuses %s: %s', (quantity, message) => {
    expect(quantityProblem(quantity, rules)).toBe(message);
  });
  test.each([1000, 1250, 5000])('accepts %s', (quantity) => expect(quantityProblem(quantity, rules)).toBeNull());
  test('names the last unit in stock in the singular', () => expect(quantityProblem(1001, { minQuantity: 1, quantityStep: 1, stock: 1 })).toBe('Only 1\u00a0unit is in stock'));
  test('names an empty stock', () => expect(quantityProblem(1000, { ...rules, stock: 0 })).toBe('This product is out of stock'));
  test('rounds a reorder quantity to the nearest valid one', () => {
    expect(nearestValidQuantity(500, rules)).toBe(1000);
    expect(nearestValidQuantity(1300, rules)).toBe(1250);
    expect(nearestValidQuantity(1400, rules)).toBe(1500);
  });
});

describe('order lifecycle', () => {
  test('a consultant moves orders forward only along the allowed path', () => {
    expect(consultantMayMove('paid', 'in_progress')).toBe(true);
    expect(consultantMayMove('in_progress', 'shipped')).toBe(true);
    expect(consultantMayMove('shipped', 'delivered')).toBe(true);
    expect(consultantMayMove('paid', 'cancelled')).toBe(true);
    expect(consultantMayMove('awaiting_payment', 'paid')).toBe(false);
    expect(consultantMayMove('delivered', 'in_progress')).toBe(false);
    expect(consultantMayMove('shipped', 'cancelled')).toBe(false);
    expect(consultantMayMove('paid', 'shipped')).toBe(false);
  });
});
