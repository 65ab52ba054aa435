import { describe, expect, it } from 'vitest';
import { parseQuantity, textFields } from './form.ts';

describe('parseQuantity', () => {
  it('reads whole numbers of units, with the spaces people type between thousands', () => {
    expect(parseQuantity('1500')).toBe(1500);
    expect(parseQuantity(' 12 000 ')).toBe(12_000);
    expect(parseQuantity('1\u202f000')).toBe(1000);
  });

  it('refuses what is not a whole number of units', () => {
    for (const text of ['', 'abc', '1,5', '1.5', '-100', '1e3', '9999999999']) expect(parseQuantity(text)).toBeNull();
  });
});

describe('textFields', () => {
  it('reads the named fields, an absent one as empty', () => {
    const form = new FormData();
    form.set('q', 'lavande');
    expect(textFields(form, ['q', 'page'])).toEqual({ q: 'lavande', page: '' });
  });
});
