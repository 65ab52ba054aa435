import type { Context } from 'koa';
import { historyQuerySchema, markReadSchema, messageBodySchema, startConversationSchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';
import type { Member } from '../services/chat';

const me = (ctx: Context): Member => ({ kind: 'user', id: (ctx.state.user as { id: number }).id });
const conversationId = (ctx: Context) => (/^\d{1,12}$/.test(String(ctx.params.id)) ? Number(ctx.params.id) : -1);

/** Storefront members' conversations; the rules live in the chat service. */
export default {
  async list(ctx: Context) {
    ctx.body = { data: await getService('conversation.chat').listFor(me(ctx)) };
  },

  async unread(ctx: Context) {
    ctx.body = { data: { unread: await getService('conversation.chat').unreadCount(me(ctx)) } };
  },

  async contacts(ctx: Context) {
    ctx.body = { data: await getService('conversation.chat').contactsOf(me(ctx)) };
  },

  async start(ctx: Context) {
    const { contact } = parseInput(startConversationSchema, ctx.request.body);
    ctx.body = { data: await getService('conversation.chat').start(me(ctx), contact) };
  },

  async startForOrder(ctx: Context) {
    ctx.body = { data: await getService('conversation.chat').startForOrder(me(ctx), String(ctx.params.reference)) };
  },

  async findOne(ctx: Context) {
    ctx.body = { data: await getService('conversation.chat').get(me(ctx), conversationId(ctx)) };
  },

  async history(ctx: Context) {
    const page = parseInput(historyQuerySchema, ctx.query);
    ctx.body = { data: await getService('conversation.chat').history(me(ctx), conversationId(ctx), page) };
  },

  async send(ctx: Context) {
    const { body } = parseInput(messageBodySchema, ctx.request.body);
    const { message, recipients } = await getService('conversation.chat').send(me(ctx), conversationId(ctx), body);
    getService('chat.live').deliver(message, recipients);
    ctx.status = 201;
    ctx.body = { data: message };
  },

  async markRead(ctx: Context) {
    const { upTo } = parseInput(markReadSchema, ctx.request.body);
    ctx.body = { data: await getService('conversation.chat').markRead(me(ctx), conversationId(ctx), upTo) };
  },
};
