import { describe, expect, it } from 'vitest';
import { mintTicket, verifyTicket } from './chat-ticket.ts';

const now = 1_800_000_000;

describe('chat tickets', () => {
  it('carry the member until they expire', () => {
    const ticket = mintTicket({ kind: 'user', id: 42, exp: now + 60 }, 's3cret');
    expect(verifyTicket(ticket, 's3cret', now)).toEqual({ ok: true, claims: { kind: 'user', id: 42, exp: now + 60 } });
    expect(verifyTicket(ticket, 's3cret', now + 60)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse a ticket signed with another secret, or whose member was changed', () => {
    const ticket = mintTicket({ kind: 'user', id: 42, exp: now + 60 }, 's3cret');
    expect(verifyTicket(ticket, 'other', now)).toEqual({ ok: false, reason: 'forged' });
    const [, signature] = ticket.split('.');
    const changed = `${Buffer.from(JSON.stringify({ kind: 'admin', id: 1, exp: now + 60 })).toString('base64url')}.${signature}`;
    expect(verifyTicket(changed, 's3cret', now)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuse what is not a ticket', () => {
    for (const bad of [undefined, 42, '', 'abc', 'a.b.c', 'x'.repeat(600)]) expect(verifyTicket(bad, 's3cret', now).ok).toBe(false);
    const unsigned = Buffer.from(JSON.stringify({ kind: 'root', id: 1, exp: now + 60 })).toString('base64url');
    expect(verifyTicket(`${unsigned}.${mintTicket({ kind: 'user', id: 1, exp: 1 }, 's').split('.')[1]}`, 's3cret', now)).toEqual({ ok: false, reason: 'forged' });
  });
});
