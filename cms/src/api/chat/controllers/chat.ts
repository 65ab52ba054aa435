import type { Context } from 'koa';
import { mintTicket } from '@ventalis/contracts/chat-ticket';
import type { MemberKind } from '@ventalis/contracts';

/** A short-lived ticket for the signed-in person's sockets (the chat-server checks it). */
export function ticketFor(member: { kind: MemberKind; id: number }) {
  const { secret, ticketSeconds } = strapi.config.get('ventalis.chat') as { secret: string; ticketSeconds: number };
  const exp = Math.floor(Date.now() / 1000) + ticketSeconds;
  return { ticket: mintTicket({ ...member, exp }, secret), expiresAt: new Date(exp * 1000).toISOString() };
}

export default {
  async ticket(ctx: Context) {
    ctx.body = { data: ticketFor({ kind: 'user', id: (ctx.state.user as { id: number }).id }) };
  },
};
