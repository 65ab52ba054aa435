import type { Context } from 'koa';
import { describe, expect, it } from 'vitest';
import { signClientAddress } from '@ventalis/contracts/client-address';
import { resolveClientAddress, trustList } from './client-address';

const SECRET = 'shared';
const now = 1_800_000_000;
const request = (remoteAddress: string, headers: Record<string, string> = {}) =>
  ({ req: { socket: { remoteAddress }, headers: { ...headers } } }) as unknown as Context;
const resolve = (ctx: Context, trusted: string[] = []) => resolveClientAddress(ctx, { secret: SECRET, trusted: trustList(trusted) }, now).address;

describe('the client address', () => {
  it("is the connection's own when nobody is trusted, whatever the forwarding headers say, and they are dropped", () => {
    const ctx = request('198.51.100.4', { 'x-forwarded-for': '10.0.0.1', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example', forwarded: 'for=10.0.0.2' });
    expect(resolve(ctx)).toBe('198.51.100.4');
    expect(ctx.req.headers).toEqual({});
  });

  it('is the nearest address a trusted proxy does not trust, and its forwarding headers stay for Koa', () => {
    const trusted = ['127.0.0.1', '10.0.0.0/8'];
    const ctx = request('::ffff:127.0.0.1', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.1.2.3', 'x-forwarded-proto': 'https' });
    // 6.6.6.6 was written by the client itself: only the hops our proxies added count.
    expect(resolve(ctx, trusted)).toBe('203.0.113.9');
    expect(ctx.req.headers['x-forwarded-proto']).toBe('https');
    expect(resolve(request('10.9.9.9', { 'x-forwarded-for': '2001:db8::1' }), trusted)).toBe('2001:db8::1');
    expect(resolve(request('10.9.9.9', { 'x-forwarded-for': 'not-an-address' }), trusted)).toBe('10.9.9.9');
    expect(resolve(request('198.51.100.4', { 'x-forwarded-for': '203.0.113.9' }), trusted)).toBe('198.51.100.4');
  });

  it("is the storefront's signed address from any connection; a bad signature is reported and ignored", () => {
    expect(resolve(request('172.18.0.5', signClientAddress('203.0.113.7', SECRET, now)))).toBe('203.0.113.7');
    const forged = resolveClientAddress(request('172.18.0.5', signClientAddress('203.0.113.7', 'guess', now)), { secret: SECRET, trusted: trustList([]) }, now);
    expect(forged).toEqual({ address: '172.18.0.5', badSignature: true });
    const stale = resolveClientAddress(request('172.18.0.5', signClientAddress('203.0.113.7', SECRET, now - 120)), { secret: SECRET, trusted: trustList([]) }, now);
    expect(stale).toEqual({ address: '172.18.0.5', badSignature: true });
  });

  it('refuses a trusted proxy list it cannot read', () => {
    expect(() => trustList(['proxy.internal'])).toThrow(/TRUSTED_PROXIES/);
  });
});
