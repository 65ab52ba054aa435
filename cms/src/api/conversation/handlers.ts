import type { Context } from 'koa';
import { historyQuerySchema, markReadSchema, messageBodySchema, startConversationSchema } from '@ventalis/contracts';
import { parseInput } from '../../utils/validation';
import { getService } from '../../utils/services';
import type { Member } from './model';

/** A malformed id is nobody's conversation: the conversation services answer 404 for it. */
const conversationId = (ctx: Context) => (/^\d{1,12}$/.test(String(ctx.params.id)) ? Number(ctx.params.id) : -1);

/**
 * The conversation routes, the same for storefront members (REST API) and administrators
 * (the panel's Messages page): only who is asking differs; the rules live in the conversation services.
 */
export const conversationHandlers = (me: (ctx: Context) => Member) => ({
  async list(ctx: Context) {
    ctx.body = { data: await getService('conversation.summaries').listFor(me(ctx)) };
  },

  async contacts(ctx: Context) {
    ctx.body = { data: await getService('conversation.contacts').contactsOf(me(ctx)) };
  },

  async start(ctx: Context) {
    const { contact } = parseInput(startConversationSchema, ctx.request.body);
    ctx.body = { data: await getService('conversation.messages').start(me(ctx), contact) };
  },

  async findOne(ctx: Context) {
    ctx.body = { data: await getService('conversation.summaries').get(me(ctx), conversationId(ctx)) };
  },

  async history(ctx: Context) {
    const page = parseInput(historyQuerySchema, ctx.query);
    ctx.body = { data: await getService('conversation.summaries').history(me(ctx), conversationId(ctx), page) };
  },

  async send(ctx: Context) {
    const { body } = parseInput(messageBodySchema, ctx.request.body);
    const { message, recipients } = await getService('conversation.messages').send(me(ctx), conversationId(ctx), body);
    // Stored first; then every tab of every participant (the sender's too) gets it live.
    getService('conversation.live').deliver(message, recipients);
    ctx.status = 201;
    ctx.body = { data: message };
  },

  async markRead(ctx: Context) {
    const { upTo } = parseInput(markReadSchema, ctx.request.body);
    ctx.body = { data: await getService('conversation.messages').markRead(me(ctx), conversationId(ctx), upTo) };
  },
});
