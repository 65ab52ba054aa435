/**
 * The visitor's address as the storefront tells the cms: the cms counts sign-in and
 * contact attempts per address, and behind the storefront every request comes from the
 * storefront's server. Anyone can write an address into a header, so the storefront signs
 * it with a secret only it and the cms hold (CLIENT_ADDRESS_SECRET); the cms believes a
 * signed address and nothing else. Node only (node:crypto).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export const CLIENT_ADDRESS_HEADER = 'x-ventalis-client-address';
export const CLIENT_ADDRESS_SIGNATURE_HEADER = 'x-ventalis-client-signature';
/** How old a signature may be, in seconds (also its tolerance for clocks ahead). */
export const CLIENT_ADDRESS_MAX_AGE_SECONDS = 60;

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** The two headers carrying the visitor's address, signed at `nowSeconds`. */
export function signClientAddress(address: string, secret: string, nowSeconds: number): Record<string, string> {
  if (!secret) throw new Error('signClientAddress needs a secret');
  const t = Math.floor(nowSeconds);
  return { [CLIENT_ADDRESS_HEADER]: address, [CLIENT_ADDRESS_SIGNATURE_HEADER]: `t=${t},v1=${sign(`${t}.${address}`, secret)}` };
}

/** The signed address, or null when it is missing, not an IP address, forged or stale. */
export function verifyClientAddress(address: unknown, signature: unknown, secret: string, nowSeconds: number): string | null {
  if (!secret || typeof address !== 'string' || typeof signature !== 'string') return null;
  if (address.length > 64 || isIP(address) === 0) return null;
  const match = /^t=(\d{1,12}),v1=([A-Za-z0-9_-]{1,100})$/.exec(signature);
  if (!match) return null;
  const t = Number(match[1]);
  if (Math.abs(nowSeconds - t) > CLIENT_ADDRESS_MAX_AGE_SECONDS) return null;
  const expected = Buffer.from(sign(`${t}.${address}`, secret));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return address;
}
