import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { refusal, startConversationSchema } from '@ventalis/contracts';
import { notFound, parseInput } from '../../../../../utils/validation';
import { getService } from '../../../../../utils/services';
import { conversationHandlers } from '../../../../../api/conversation/handlers';
import type { Member } from '../../../../../api/conversation/model';
import type directory from '../services/directory';

const me = (ctx: Context): Member => ({ kind: 'admin', id: (ctx.state.user as { id: number }).id });

/**
 * The administrator's side of the conversations, as the storefront's REST API gives
 * customers and consultants theirs; the rules live in the conversation services.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const people = () => strapi.plugin('messages').service('directory') as ReturnType<typeof directory>;

  return {
    ...conversationHandlers(me),

    async start(ctx: Context) {
      const { contact } = parseInput(startConversationSchema, ctx.request.body);
      if (!(await people().lists(me(ctx), contact))) throw notFound(refusal('chat.member_not_found', 'No customer, consultant or other administrator has this id'));
      ctx.body = { data: await getService('conversation.messages').start(me(ctx), contact) };
    },

    /** A one-minute, single-use ticket for the page's socket, and where the chat-server is for browsers. */
    async ticket(ctx: Context) {
      const { publicUrl } = strapi.config.get('ventalis.chat') as { publicUrl: string };
      ctx.body = { data: { ...(await getService('conversation.sessions').ticketFor(me(ctx))), url: publicUrl || null } };
    },
  };
};
