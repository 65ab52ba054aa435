import { describe, expect, test } from 'vitest';
import { orderReference } from './order-reference';

describe('orderReference', () => {
  test('carries the day the order was placed, not the day it is made', () => {
    expect(orderReference(new Date('2026-07-14T10:00:00Z'))).toMatch(/^VT-260714-[A-HJ-NP-Z2-9]{6}$/);
    expect(orderReference(new Date('2025-01-03T08:00:00Z'))).toMatch(/^VT-250103-/);
  });

  test('counts days in the shop time zone (Paris)', () => {
    // 23:30 UTC on 14 July is already 15 July in Paris (UTC+2 in summer).
    expect(orderReference(new Date('2026-07-14T23:30:00Z'))).toMatch(/^VT-260715-/);
    expect(orderReference(new Date('2026-12-31T23:30:00Z'))).toMatch(/^VT-270101-/);
  });

  test('differs from one order to the next', () => {
    const day = new Date('2026-07-14T10:00:00Z');
    expect(new Set(Array.from({ length: 50 }, () => orderReference(day))).size).toBe(50);
  });
});
