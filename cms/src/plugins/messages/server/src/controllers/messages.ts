import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { historyQuerySchema, markReadSchema, messageBodySchema, startConversationSchema } from '@ventalis/contracts';
import { parseInput } from '../../../../../utils/validation';
import { getService } from '../../../../../utils/services';
import { ticketFor } from '../../../../../api/chat/controllers/chat';
import type { Member } from '../../../../../api/conversation/services/chat';
import type directory from '../services/directory';

const me = (ctx: Context): Member => ({ kind: 'admin', id: (ctx.state.user as { id: number }).id });
/** A malformed id is nobody's conversation: the chat service answers 404 for it. */
const conversationId = (ctx: Context) => (/^\d{1,12}$/.test(String(ctx.params.id)) ? Number(ctx.params.id) : -1);

/**
 * The administrator's side of the conversations, as the storefront's REST API gives
 * customers and consultants theirs; the rules live in the chat service.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const people = () => strapi.plugin('messages').service('directory') as ReturnType<typeof directory>;

  return {
    async list(ctx: Context) {
      ctx.body = { data: await getService('conversation.chat').listFor(me(ctx)) };
    },

    async contacts(ctx: Context) {
      ctx.body = { data: await people().contactsFor(me(ctx)) };
    },

    async start(ctx: Context) {
      const { contact } = parseInput(startConversationSchema, ctx.request.body);
      if (!(await people().lists(me(ctx), contact))) throw new errors.NotFoundError('No customer, consultant or other administrator has this id');
      ctx.body = { data: await getService('conversation.chat').start(me(ctx), contact) };
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
      // Stored first; then every tab of every participant (the sender's too) gets it live.
      getService('chat.live').deliver(message, recipients);
      ctx.status = 201;
      ctx.body = { data: message };
    },

    async markRead(ctx: Context) {
      const { upTo } = parseInput(markReadSchema, ctx.request.body);
      ctx.body = { data: await getService('conversation.chat').markRead(me(ctx), conversationId(ctx), upTo) };
    },

    /** A one-minute ticket for the page's socket, and where the chat-server is for browsers. */
    async ticket(ctx: Context) {
      const { publicUrl } = strapi.config.get('ventalis.chat') as { publicUrl: string };
      ctx.body = { data: { ...ticketFor(me(ctx)), url: publicUrl || null } };
    },
  };
};
