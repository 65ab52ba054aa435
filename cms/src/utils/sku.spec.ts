import { describe, expect, test } from 'vitest';
import { isSku } from '@ventalis/contracts';
import { skuFromSlug } from './sku';

describe('a SKU made from a slug', () => {
  test('is the slug in capitals', () => {
    expect(skuFromSlug('kraft-shipping-box', new Set())).toBe('KRAFT-SHIPPING-BOX');
  });

  test('takes the next free number when another product holds it', () => {
    expect(skuFromSlug('kraft-shipping-box', new Set(['KRAFT-SHIPPING-BOX']))).toBe('KRAFT-SHIPPING-BOX-2');
    expect(skuFromSlug('kraft-shipping-box', new Set(['KRAFT-SHIPPING-BOX', 'KRAFT-SHIPPING-BOX-2']))).toBe('KRAFT-SHIPPING-BOX-3');
  });

  test('fits in 32 characters, numbered ones too, and always follows the SKU rules', () => {
    const slug = 'compostable-bio-based-cutlery-set-with-napkin-and-salt';
    const first = skuFromSlug(slug, new Set());
    const second = skuFromSlug(slug, new Set([first]));
    for (const sku of [first, second, skuFromSlug('ab', new Set()), skuFromSlug('a--b-', new Set()), skuFromSlug('x', new Set(['SKU-X']))]) {
      expect(sku.length).toBeLessThanOrEqual(32);
      expect(isSku(sku), sku).toBe(true);
    }
    expect(second).not.toBe(first);
  });
});
