import type { Context } from 'koa';
import { getService } from '../../../utils/services';
import { conversationHandlers } from '../handlers';
import type { Member } from '../model';

const me = (ctx: Context): Member => ({ kind: 'user', id: (ctx.state.user as { id: number }).id });

/** Storefront members' conversations; the rules live in the conversation services. */
export default {
  ...conversationHandlers(me),

  async unread(ctx: Context) {
    ctx.body = { data: { unread: await getService('conversation.summaries').unreadCount(me(ctx)) } };
  },

  async startForOrder(ctx: Context) {
    ctx.body = { data: await getService('conversation.messages').startForOrder(me(ctx), String(ctx.params.reference)) };
  },
};
