import { BlockList, isIP } from 'node:net';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SIGNATURE_HEADER, verifyClientAddress } from '@ventalis/contracts/client-address';

export interface ClientAddressSettings {
  /** Shared with the storefront, which signs each visitor's address with it. */
  secret: string;
  /** Reverse proxies in front of the cms (addresses or CIDR ranges) whose X-Forwarded-* headers are believed. */
  trustedProxies: string[];
}

const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded'];
/** Logging a bad signature at most this often: a misconfigured storefront shows, a flood does not. */
const WARN_EVERY_MS = 60_000;

/** `::ffff:192.0.2.1` and `192.0.2.1` are the same client: count them once. */
const plain = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

/** TRUSTED_PROXIES: none by default, so no caller can speak for another. */
export const trustedProxies = (env: { array: (key: string, fallback: string[]) => string[] }) =>
  env.array('TRUSTED_PROXIES', []).filter((entry) => entry !== '');

export function trustList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.trim().split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

const isTrusted = (list: BlockList, address: string) => isIP(address) !== 0 && list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');

/**
 * Who is calling, decided once for every later middleware (rate limits, the panel's
 * login): the address signed by the storefront; else, from a trusted proxy, the
 * nearest untrusted address of X-Forwarded-For; else the connection's own address.
 * Forwarding headers from anyone else are dropped, so Koa never believes them either.
 */
export function resolveClientAddress(ctx: Context, settings: { secret: string; trusted: BlockList }, nowSeconds: number): { address: string; badSignature: boolean } {
  const headers = ctx.req.headers;
  const peer = plain(ctx.req.socket.remoteAddress ?? '');
  const claimed = headers[CLIENT_ADDRESS_HEADER];
  const signature = headers[CLIENT_ADDRESS_SIGNATURE_HEADER];
  delete headers[CLIENT_ADDRESS_HEADER];
  delete headers[CLIENT_ADDRESS_SIGNATURE_HEADER];

  const fromProxy = isTrusted(settings.trusted, peer);
  let address = peer;
  if (fromProxy) {
    const hops = String(headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((hop) => plain(hop.trim()))
      .filter((hop) => isIP(hop) !== 0);
    // Walk back from the proxy that called us: the first hop it does not trust is the client.
    for (let i = hops.length - 1; i >= 0; i--) {
      address = hops[i];
      if (!isTrusted(settings.trusted, hops[i])) break;
    }
  } else {
    for (const name of FORWARDING_HEADERS) delete headers[name];
  }

  if (claimed === undefined && signature === undefined) return { address, badSignature: false };
  const signed = verifyClientAddress(claimed, signature, settings.secret, nowSeconds);
  return signed ? { address: plain(signed), badSignature: false } : { address, badSignature: true };
}

export default (settings: ClientAddressSettings, { strapi }: { strapi: Core.Strapi }) => {
  const resolved = { secret: settings.secret, trusted: trustList(settings.trustedProxies) };
  let lastWarning = 0;
  return async (ctx: Context, next: () => Promise<void>) => {
    const { address, badSignature } = resolveClientAddress(ctx, resolved, Date.now() / 1000);
    ctx.request.ip = address;
    if (badSignature && Date.now() - lastWarning > WARN_EVERY_MS) {
      lastWarning = Date.now();
      strapi.log.warn('A client address with a wrong or stale signature was ignored: does the storefront have the same CLIENT_ADDRESS_SECRET as the cms?');
    }
    await next();
  };
};
