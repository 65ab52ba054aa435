import { describe, expect, it } from 'vitest';
import { parseEurosToCents, parseQuantity, textFields } from './form.ts';

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

describe('parseEurosToCents', () => {
  it('reads euros as people type them in French and English, to the cent', () => {
    expect(parseEurosToCents('5000')).toBe(500_000);
    expect(parseEurosToCents('5 000,50')).toBe(500_050);
    expect(parseEurosToCents('5000.5')).toBe(500_050);
    expect(parseEurosToCents('12 000 €')).toBe(1_200_000);
    expect(parseEurosToCents('0')).toBe(0);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', '-5', '5,000.50', '1.234', 'abc', '1e5', '10000000000']) expect(parseEurosToCents(text), text).toBeNull();
  });
});
