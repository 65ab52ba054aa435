import { describe, expect, it } from 'vitest';
import { bearerMatches, requestIdOf } from './operations.ts';

describe('requestIdOf', () => {
  it('keeps a well-formed id, makes a new one for none or an odd one', () => {
    expect(requestIdOf('storefront-1234-abcd')).toBe('storefront-1234-abcd');
    for (const odd of [null, '', 'short', 'with space inside', 'x'.repeat(129), 'evil\nline-1234']) expect(requestIdOf(odd)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('bearerMatches', () => {
  it('opens only with the very token, and never when none is set', () => {
    expect(bearerMatches('Bearer s3cret-token', 's3cret-token')).toBe(true);
    expect(bearerMatches('Bearer s3cret-tokem', 's3cret-token')).toBe(false);
    expect(bearerMatches(undefined, 's3cret-token')).toBe(false);
    expect(bearerMatches('Bearer ', '')).toBe(false);
    expect(bearerMatches('Bearer anything', undefined)).toBe(false);
  });
});
