import { describe, expect, test } from 'vitest';
import { formatDocumentNumber } from './document-numbers.ts';

describe('formatDocumentNumber', () => {
  test("writes the series' letter, the year and six digits", () => {
    expect(formatDocumentNumber('invoice', 2026, 123)).toBe('F-2026-000123');
    expect(formatDocumentNumber('credit_note', 2026, 4)).toBe('A-2026-000004');
    expect(formatDocumentNumber('quote', 2027, 1)).toBe('D-2027-000001');
    expect(formatDocumentNumber('invoice', 2026, 1_234_567)).toBe('F-2026-1234567');
  });

  test('refuses a number that is not a whole number from 1', () => {
    for (const wrong of [0, -1, 1.5, Number.NaN]) expect(() => formatDocumentNumber('invoice', 2026, wrong)).toThrow(RangeError);
  });
});
