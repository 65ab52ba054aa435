import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SIGNATURE_HEADER, signClientAddress, verifyClientAddress } from './client-address.ts';

const now = 1_800_000_000;
const verify = (headers: Record<string, string>, secret = 's3cret', at = now) =>
  verifyClientAddress(headers[CLIENT_ADDRESS_HEADER], headers[CLIENT_ADDRESS_SIGNATURE_HEADER], secret, at);

describe('signed client addresses', () => {
  it('carry the visitor address, IPv4 or IPv6, for a minute', () => {
    expect(verify(signClientAddress('203.0.113.9', 's3cret', now))).toBe('203.0.113.9');
    expect(verify(signClientAddress('2001:db8::7', 's3cret', now))).toBe('2001:db8::7');
    expect(verify(signClientAddress('203.0.113.9', 's3cret', now), 's3cret', now + 60)).toBe('203.0.113.9');
    expect(verify(signClientAddress('203.0.113.9', 's3cret', now), 's3cret', now + 61)).toBeNull();
  });

  it('refuse another secret, a changed address, or a missing signature', () => {
    const headers = signClientAddress('203.0.113.9', 's3cret', now);
    expect(verify(headers, 'other')).toBeNull();
    expect(verify(headers, '')).toBeNull();
    expect(verify({ ...headers, [CLIENT_ADDRESS_HEADER]: '203.0.113.10' })).toBeNull();
    expect(verify({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9' })).toBeNull();
  });

  it('refuse what is not an address, even when signed', () => {
    for (const bad of ['', 'localhost', '203.0.113.9, 10.0.0.1', 'x'.repeat(80)]) expect(verify(signClientAddress(bad, 's3cret', now))).toBeNull();
  });
});
