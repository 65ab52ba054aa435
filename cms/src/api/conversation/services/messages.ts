import type { Core } from '@strapi/strapi';
import type { ChatMessage, ConversationSummary } from '@ventalis/contracts';
import { getService } from '../../../utils/services';
import { createChatStore } from '../chat-store';
import { PARTICIPANT, createConversation, memberWhere, type Member, type Row } from '../model';
import { asChatMessage } from './summaries';
import { refusal } from '@ventalis/contracts';
import { forbidden, notFound } from '../../../utils/validation';

/**
 * What members write: conversations they start, messages, read marks. Every message is
 * stored here before anyone receives it; the chat-server only delivers.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createChatStore(strapi);
  const summaries = () => getService('conversation.summaries');
  const members = () => getService('conversation.members');
  const membership = () => getService('conversation.membership');

  return {
    /** Starts (or finds) my one-to-one conversation with an allowed contact. */
    async start(me: Member, contact: Member): Promise<ConversationSummary> {
      const [self, other] = await Promise.all([members().describe(me), members().describe(contact)]);
      if (!self || !other) throw notFound(refusal('chat.member_not_found', 'No member has this id'));
      if (!(await getService('conversation.contacts').mayContact(self, other))) throw forbidden(refusal('chat.contact_forbidden', 'You cannot start a conversation with this person'));
      // A client and their consultant share one conversation, kept across reassignments.
      if (self.role === 'customer' && other.role === 'consultant') return summaries().summary(await membership().syncClientConversation(self.id), me);
      if (self.role === 'consultant' && other.role === 'customer') return summaries().summary(await membership().syncClientConversation(other.id), me);

      const mine: Row[] = await strapi.db.query(PARTICIPANT).findMany({ where: { active: true, ...memberWhere(me), conversation: { order: { id: { $null: true } }, client: { id: { $null: true } } } }, populate: { conversation: { select: ['id'] } } });
      const ids = mine.map((p) => p.conversation?.id).filter(Boolean);
      if (ids.length > 0) {
        const shared = await strapi.db.query(PARTICIPANT).findOne({ where: { active: true, ...memberWhere(contact), conversation: { id: { $in: ids } } }, populate: { conversation: { select: ['id'] } } });
        if (shared) return summaries().summary(shared.conversation.id, me);
      }
      // Started by one of them: the other's open pages (and the starter's other tabs) show it at once.
      const conversationId = await createConversation(strapi, {}, [me, contact]);
      await membership().announce(conversationId, [me, contact], []);
      return summaries().summary(conversationId, me);
    },

    /** The conversation about an order, between the client and their consultant. */
    async startForOrder(me: Member, reference: string): Promise<ConversationSummary> {
      const order = await strapi.db.query('api::order.order').findOne({ where: { reference }, select: ['id'], populate: { customer: { select: ['id'] } } });
      const clientId = order?.customer?.id as number | undefined;
      const allowed = me.kind === 'user' && clientId !== undefined && (me.id === clientId || (await members().consultantUserOf(clientId)) === me.id);
      if (!order || !allowed) throw notFound(refusal('chat.order_not_found', 'No order of yours, or of your clients, has this reference'));
      return summaries().summary(await membership().orderConversation(order.id, clientId), me);
    },

    /** Stores a message; the sender has read everything up to it. */
    async send(me: Member, conversationId: number, body: string): Promise<{ message: ChatMessage; recipients: Member[] }> {
      const { mine, all } = await summaries().participation(me, conversationId);
      const stored = await store.insertMessage(conversationId, body, { member: me, participantId: mine.participantId });
      // The stored row is the message: no second read; the sender as others see them.
      return { message: asChatMessage({ ...stored, body }, conversationId, await members().describeSender(me)), recipients: all.map((p) => p.member) };
    },

    /** Read receipts: never backwards, never past the last message. */
    async markRead(me: Member, conversationId: number, upTo: number): Promise<{ lastReadMessageId: number }> {
      const { mine } = await summaries().participation(me, conversationId);
      const last = await summaries().lastMessageId(conversationId);
      const next = Math.max(mine.lastRead, Math.min(upTo, last ?? 0));
      if (next !== mine.lastRead) await strapi.db.query(PARTICIPANT).update({ where: { id: mine.participantId }, data: { lastReadMessageId: next } });
      return { lastReadMessageId: next };
    },
  };
};
