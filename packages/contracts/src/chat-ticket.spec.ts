import { describe, expect, it } from 'vitest';
import { mintTicket, verifyTicket } from './chat-ticket.ts';

const now = 1_800_000_000;
const gen = 'generation-1';

describe('chat tickets', () => {
  it('carry the member and their session generation until they expire', () => {
    const ticket = mintTicket({ kind: 'user', id: 42, exp: now + 60, gen, jti: 'ticket-0001' }, 's3cret');
    expect(verifyTicket(ticket, 's3cret', now)).toEqual({ ok: true, claims: { kind: 'user', id: 42, exp: now + 60, gen, jti: 'ticket-0001' } });
    expect(verifyTicket(ticket, 's3cret', now + 60)).toEqual({ ok: false, reason: 'expired' });
  });

  it('each get an id of their own', () => {
    const ids = new Set([1, 2, 3].map(() => (verifyTicket(mintTicket({ kind: 'user', id: 42, exp: now + 60, gen }, 's3cret'), 's3cret', now) as { claims: { jti: string } }).claims.jti));
    expect(ids.size).toBe(3);
  });

  it('refuse a ticket signed with another secret, or whose member was changed', () => {
    const ticket = mintTicket({ kind: 'user', id: 42, exp: now + 60, gen }, 's3cret');
    expect(verifyTicket(ticket, 'other', now)).toEqual({ ok: false, reason: 'forged' });
    const [, signature] = ticket.split('.');
    const changed = `${Buffer.from(JSON.stringify({ kind: 'admin', id: 1, exp: now + 60, gen, jti: 'ticket-0001' })).toString('base64url')}.${signature}`;
    expect(verifyTicket(changed, 's3cret', now)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuse what is not a ticket', () => {
    for (const bad of [undefined, 42, '', 'abc', 'a.b.c', 'x'.repeat(600)]) expect(verifyTicket(bad, 's3cret', now).ok).toBe(false);
    const unsigned = Buffer.from(JSON.stringify({ kind: 'root', id: 1, exp: now + 60 })).toString('base64url');
    expect(verifyTicket(`${unsigned}.${mintTicket({ kind: 'user', id: 1, exp: 1, gen }, 's').split('.')[1]}`, 's3cret', now)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuse a signed ticket without a generation or an id', () => {
    const signed = (claims: object) => {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${payload}.${mintTicket({ kind: 'user', id: 1, exp: 1, gen }, 's3cret').split('.')[1]}`;
    };
    // Re-signing by hand: the old ticket shape (no gen, no jti) is malformed once signed correctly.
    const old = mintTicket({ kind: 'user', id: 42, exp: now + 60, gen: '' as string }, 's3cret');
    expect(verifyTicket(old, 's3cret', now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyTicket(signed({ kind: 'user', id: 42, exp: now + 60 }), 's3cret', now).ok).toBe(false);
  });
});
