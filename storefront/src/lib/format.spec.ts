import { describe, expect, it } from 'vitest';
import {
  centsToEurosInput,
  countryName,
  formatCo2e,
  formatCo2eGrams,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatEuros,
  formatInteger,
  formatPercent,
  formatUnits,
  parseEurosToCents,
} from './format.ts';
import { inLocale } from './testing/locale.ts';

/** French output uses no-break spaces; compare with plain spaces for readability. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('formatEuros', () => {
  it('formats cents the French way on a French page: thousands spaced, decimal comma, euro sign after', () => {
    expect(plain(formatEuros(123456))).toBe('1 234,56 €');
    expect(plain(formatEuros(45900))).toBe('459,00 €');
    expect(plain(formatEuros(0))).toBe('0,00 €');
    expect(plain(formatEuros(5))).toBe('0,05 €');
    expect(plain(formatEuros(123456789012))).toBe('1 234 567 890,12 €');
    expect(plain(formatEuros(-1999))).toBe('-19,99 €');
  });

  it('never breaks a price across lines', () => {
    expect(formatEuros(123456)).toBe('1\u202f234,56\u00a0€');
  });

  it('formats cents the English way on an English page: euro sign first, thousands comma, decimal point', () => {
    inLocale('en', () => {
      expect(formatEuros(4200)).toBe('€42.00');
      expect(formatEuros(123456)).toBe('€1,234.56');
      expect(formatEuros(-1999)).toBe('-€19.99');
    });
    // Or in the language asked for, whatever the page's.
    expect(formatEuros(4200, 'en')).toBe('€42.00');
    expect(plain(inLocale('en', () => formatEuros(4200, 'fr')))).toBe('42,00 €');
  });

  it('refuses amounts that are not whole cents', () => {
    expect(() => formatEuros(12.5)).toThrow(RangeError);
    expect(() => formatEuros(Number.NaN)).toThrow(RangeError);
  });
});

describe('numbers and units', () => {
  it('groups thousands of whole numbers', () => {
    expect(plain(formatInteger(180000))).toBe('180 000');
    expect(plain(formatInteger(999))).toBe('999');
    expect(plain(formatInteger(-1000))).toBe('-1 000');
  });

  it('writes decimals with a comma and drops trailing zeros', () => {
    expect(formatDecimal(118.4)).toBe('118,4');
    expect(formatDecimal(118.04, 2)).toBe('118,04');
    expect(formatDecimal(12)).toBe('12');
    expect(formatDecimal(0.04)).toBe('0');
    expect(plain(formatDecimal(1234.56, 2))).toBe('1 234,56');
    inLocale('en', () => {
      expect(formatInteger(180000)).toBe('180,000');
      expect(formatDecimal(1234.56, 2)).toBe('1,234.56');
    });
  });

  it('formats percentages, VAT rates given as strings included', () => {
    expect(plain(formatPercent(55))).toBe('55 %');
    expect(plain(formatPercent('5.5'))).toBe('5,5 %');
    expect(plain(formatPercent('2.1'))).toBe('2,1 %');
    expect(inLocale('en', () => formatPercent('5.5'))).toBe('5.5%');
  });

  it('formats carbon footprints and quantities', () => {
    expect(plain(formatCo2e(118.4))).toBe('118,4 kg CO₂e');
    expect(plain(formatUnits(1000))).toBe('1 000 unités');
    expect(plain(formatUnits(1))).toBe('1 unité');
    inLocale('en', () => {
      expect(plain(formatCo2e(118.4))).toBe('118.4 kg CO₂e');
      expect(plain(formatUnits(1000))).toBe('1,000 units');
      expect(plain(formatUnits(1))).toBe('1 unit');
    });
  });

  it("names countries from their ISO code, in the page's language", () => {
    expect(countryName('FR')).toBe('France');
    expect(countryName('de')).toBe('Allemagne');
    expect(inLocale('en', () => countryName('de'))).toBe('Germany');
    expect(countryName('??')).toBe('??');
  });
});

describe('parseEurosToCents', () => {
  it('reads amounts as people type them', () => {
    expect(parseEurosToCents('12')).toBe(1200);
    expect(parseEurosToCents('12,5')).toBe(1250);
    expect(parseEurosToCents('12.50')).toBe(1250);
    expect(parseEurosToCents('1 234,56 €')).toBe(123456);
    expect(parseEurosToCents('0,07')).toBe(7);
    expect(parseEurosToCents('5 000,50')).toBe(500_050);
    expect(parseEurosToCents('5000.5')).toBe(500_050);
    expect(parseEurosToCents('12 000 €')).toBe(1_200_000);
    expect(parseEurosToCents('0')).toBe(0);
  });

  it('refuses what is not an amount with at most two decimals', () => {
    for (const input of ['', 'abc', '-5', '12,345', '1e3', '12,', ',5', '12.5.1', '5,000.50', '10000000000']) expect(parseEurosToCents(input), input).toBeNull();
  });

  it('round-trips with the form value', () => {
    expect(centsToEurosInput(1250)).toBe('12,50');
    expect(centsToEurosInput(1200)).toBe('12');
    expect(centsToEurosInput(7)).toBe('0,07');
    expect(inLocale('en', () => centsToEurosInput(1250))).toBe('12.50');
    for (const cents of [0, 7, 1250, 123456]) {
      expect(parseEurosToCents(centsToEurosInput(cents))).toBe(cents);
      expect(parseEurosToCents(centsToEurosInput(cents, 'en'))).toBe(cents);
    }
  });
});

describe('orders', () => {
  it('shows grams of CO₂e as kilograms, and tonnes for large amounts', () => {
    expect(formatCo2eGrams(180_750)).toBe('180,8\u00a0kg CO₂e');
    expect(formatCo2eGrams(0)).toBe('0\u00a0kg CO₂e');
    expect(formatCo2eGrams(12_345_678)).toBe('12,3\u00a0t CO₂e');
  });

  it('shows dates and times in Paris time, whatever the server runs in', () => {
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('1 janv. 2027');
    expect(formatDateTime('2026-07-14T08:05:00Z')).toBe('14 juil. 2026, 10:05');
    inLocale('en', () => {
      expect(formatDate('2026-12-31T23:30:00Z')).toBe('1 Jan 2027');
      expect(formatDateTime('2026-07-14T08:05:00Z')).toBe('14 Jul 2026, 10:05');
    });
  });
});
