import { describe, expect, test } from 'vitest';
import { formatEuros, formatInteger, formatUnits } from './format.ts';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('money and quantities, French style', () => {
  test('formats whole cents as euros with French separators', () => {
    expect(formatEuros(123456)).toBe('1\u202f234,56\u00a0€');
    expect(plain(formatEuros(5))).toBe('0,05 €');
    expect(plain(formatEuros(-1999))).toBe('-19,99 €');
    expect(() => formatEuros(12.5)).toThrow(RangeError);
  });

  test('groups thousands with a narrow no-break space', () => {
    expect(formatInteger(180000)).toBe('180\u202f000');
    expect(formatInteger(1234567)).toBe('1\u202f234\u202f567');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(-1500)).toBe('-1\u202f500');
    expect(() => formatInteger(1.5)).toThrow(RangeError);
  });

  test('writes units after a no-break space, one unit in the singular', () => {
    expect(formatUnits(1000)).toBe('1\u202f000\u00a0units');
    expect(plain(formatUnits(1))).toBe('1 unit');
  });
});
