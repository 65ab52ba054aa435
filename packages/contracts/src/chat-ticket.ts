/**
 * The short-lived ticket a socket shows the chat-server: the cms mints it for the signed-in
 * person, the chat-server checks it with the same secret. Node only (node:crypto).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MemberKind } from './chat.ts';

export interface TicketClaims {
  kind: MemberKind;
  id: number;
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function mintTicket(claims: TicketClaims, secret: string): string {
  if (!secret) throw new Error('mintTicket needs a secret');
  const payload = Buffer.from(JSON.stringify({ kind: claims.kind, id: claims.id, exp: claims.exp })).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The ticket's member, or why it is refused. */
export function verifyTicket(ticket: unknown, secret: string, nowSeconds: number): { ok: true; claims: TicketClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' } {
  if (typeof ticket !== 'string' || ticket.length > 512) return { ok: false, reason: 'malformed' };
  const [payload, signature, extra] = ticket.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (!secret || expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const { kind, id, exp } = (claims ?? {}) as Partial<TicketClaims>;
  if ((kind !== 'user' && kind !== 'admin') || !Number.isSafeInteger(id) || !Number.isSafeInteger(exp)) return { ok: false, reason: 'malformed' };
  if (exp! <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { kind, id: id!, exp: exp! } };
}
