import type { Context } from 'koa';
import { getService } from '../../../utils/services';

export default {
  /** A short-lived, single-use ticket for the signed-in person's socket (the chat-server checks it). */
  async ticket(ctx: Context) {
    ctx.body = { data: await getService('conversation.sessions').ticketFor({ kind: 'user', id: (ctx.state.user as { id: number }).id }) };
  },
};
