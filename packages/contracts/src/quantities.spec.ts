import { describe, expect, test } from 'vitest';
import { formatInteger, formatUnits } from './quantities.ts';

describe('quantities', () => {
  test('groups thousands with a narrow no-break space', () => {
    expect(formatInteger(180000)).toBe('180\u202f000');
    expect(formatInteger(1234567)).toBe('1\u202f234\u202f567');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(-1500)).toBe('-1\u202f500');
  });

  test('writes units after a no-break space, one unit in the singular', () => {
    expect(formatUnits(1000)).toBe('1\u202f000\u00a0units');
    expect(formatUnits(1)).toBe('1\u00a0unit');
  });

  test('refuses what is not a whole number', () => {
    expect(() => formatInteger(1.5)).toThrow(RangeError);
  });
});
