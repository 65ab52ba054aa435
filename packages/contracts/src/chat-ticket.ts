/**
 * The short-lived ticket a socket shows the chat-server: the cms mints it for the signed-in
 * person, the chat-server checks it with the same secret. Node only (node:crypto).
 *
 * A ticket opens one socket once (`jti` is spent when the chat-server accepts it) and names
 * the account's session generation (`gen`): a password reset, a block or a deletion changes
 * the generation, so the cms refuses a ticket, and every call of a socket, minted before it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MemberKind } from './chat.ts';

export interface TicketClaims {
  kind: MemberKind;
  id: number;
  /** Expiry, in seconds since the epoch. */
  exp: number;
  /** The account's session generation when the ticket was minted. */
  gen: string;
  /** The ticket's own id: it is accepted once. */
  jti: string;
}

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');
const TOKEN = /^[A-Za-z0-9_-]{8,64}$/;

export function mintTicket(claims: Omit<TicketClaims, 'jti'> & { jti?: string }, secret: string): string {
  if (!secret) throw new Error('mintTicket needs a secret');
  const jti = claims.jti ?? randomBytes(16).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ kind: claims.kind, id: claims.id, exp: claims.exp, gen: claims.gen, jti })).toString('base64url');
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
  const { kind, id, exp, gen, jti } = (claims ?? {}) as Partial<TicketClaims>;
  if ((kind !== 'user' && kind !== 'admin') || !Number.isSafeInteger(id) || !Number.isSafeInteger(exp)) return { ok: false, reason: 'malformed' };
  if (typeof gen !== 'string' || !TOKEN.test(gen) || typeof jti !== 'string' || !TOKEN.test(jti)) return { ok: false, reason: 'malformed' };
  if (exp! <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { kind, id: id!, exp: exp!, gen, jti } };
}
