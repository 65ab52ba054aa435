import { describe, expect, test } from 'vitest';
import { formatCo2eGrams, formatDate, formatDateTime, formatDecimal, formatEuros, formatInteger, formatPercent, formatUnits } from './format.ts';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('money and quantities in French', () => {
  test('formats whole cents as euros with French separators', () => {
    expect(formatEuros(123456, 'fr')).toBe('1\u202f234,56\u00a0€');
    expect(plain(formatEuros(5, 'fr'))).toBe('0,05 €');
    expect(plain(formatEuros(-1999, 'fr'))).toBe('-19,99 €');
    expect(plain(formatEuros(123456789012, 'fr'))).toBe('1 234 567 890,12 €');
    expect(() => formatEuros(12.5, 'fr')).toThrow(RangeError);
  });

  test('groups thousands with a narrow no-break space', () => {
    expect(formatInteger(180000, 'fr')).toBe('180\u202f000');
    expect(formatInteger(1234567, 'fr')).toBe('1\u202f234\u202f567');
    expect(formatInteger(999, 'fr')).toBe('999');
    expect(plain(formatInteger(-1500, 'fr'))).toBe('-1 500');
    expect(() => formatInteger(1.5, 'fr')).toThrow(RangeError);
  });

  test('writes units after a no-break space, one unit in the singular', () => {
    expect(formatUnits(1000, 'fr')).toBe('1\u202f000\u00a0unités');
    expect(plain(formatUnits(1, 'fr'))).toBe('1 unité');
  });

  test('decimals, percentages, carbon and dates', () => {
    expect(formatDecimal(118.4, 1, 'fr')).toBe('118,4');
    expect(plain(formatPercent('5.5', 'fr'))).toBe('5,5 %');
    expect(plain(formatCo2eGrams(180_800, 'fr'))).toBe('180,8 kg CO₂e');
    expect(plain(formatCo2eGrams(12_500_000, 'fr'))).toBe('12,5 t CO₂e');
    expect(formatDate('2026-11-24T23:30:00Z', 'fr')).toBe('25 nov. 2026');
    expect(formatDateTime('2026-11-24T13:05:00Z', 'fr')).toBe('24 nov. 2026, 14:05');
  });
});

describe('money and quantities in English', () => {
  test('euro sign first, comma thousands, decimal point', () => {
    expect(formatEuros(4200, 'en')).toBe('€42.00');
    expect(formatEuros(123456, 'en')).toBe('€1,234.56');
    expect(formatEuros(-1999, 'en')).toBe('-€19.99');
  });

  test('units, decimals, percentages and dates', () => {
    expect(formatUnits(1000, 'en')).toBe('1,000\u00a0units');
    expect(plain(formatUnits(1, 'en'))).toBe('1 unit');
    expect(formatDecimal(1234.56, 2, 'en')).toBe('1,234.56');
    expect(formatPercent('5.5', 'en')).toBe('5.5%');
    expect(formatDate('2026-11-24T13:05:00Z', 'en')).toBe('24 Nov 2026');
    expect(formatDateTime('2026-11-24T13:05:00Z', 'en')).toBe('24 Nov 2026, 14:05');
  });
});
