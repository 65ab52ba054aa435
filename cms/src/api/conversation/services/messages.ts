import type { Core } from '@strapi/strapi';
import type { ChatMessage, ConversationSummary, SentMessage } from '@ventalis/contracts';
import { getService } from '../../../utils/services';
import { createChatStore } from '../chat-store';
import { PARTICIPANT, createConversation, memberWhere, type Member, type Row } from '../model';
import { asChatMessage } from './summaries';
import { refusal } from '@ventalis/contracts';
import { forbidden, notFound } from '../../../utils/validation';

const ORDER = 'api::order.order';

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
    /** Starts (or finds) my conversation with an allowed contact: with a consultant, their company's. */
    async start(me: Member, contact: Member): Promise<ConversationSummary> {
      const [self, other] = await Promise.all([members().describe(me), members().describe(contact)]);
      if (!self || !other) throw notFound(refusal('chat.member_not_found', 'No member has this id'));
      const contactForbidden = () => forbidden(refusal('chat.contact_forbidden', 'You cannot start a conversation with this person'));
      if (!(await getService('conversation.contacts').mayContact(self, other))) throw contactForbidden();
      // A company and its consultant share one conversation, kept across reassignments.
      const client = self.role === 'customer' && other.role === 'consultant' ? self : self.role === 'consultant' && other.role === 'customer' ? other : null;
      if (client) {
        const company = await getService('company.companies').membershipOf(client.id);
        if (!company) throw contactForbidden();
        return summaries().summary(await membership().syncCompanyConversation(company.companyId), me);
      }

      const mine: Row[] = await strapi.db.query(PARTICIPANT).findMany({ where: { active: true, ...memberWhere(me), conversation: { order: { id: { $null: true } }, quote: { id: { $null: true } }, company: { id: { $null: true } } } }, populate: { conversation: { select: ['id'] } } });
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

    /**
     * The conversation about an order: the people of the company who may see the order (the
     * buyer who placed it, its admins and accountants) and the company's consultant.
     */
    async startForOrder(me: Member, reference: string): Promise<ConversationSummary> {
      const order = await strapi.db.query(ORDER).findOne({ where: { reference }, select: ['id'], populate: { customer: { select: ['id'] }, company: { select: ['id'] } } });
      const companyId = order?.company?.id as number | undefined;
      const mayOpen = async (): Promise<boolean> => {
        if (me.kind !== 'user' || !order || companyId === undefined) return false;
        if ((await members().consultantUserOfCompany(companyId)) === me.id) return true;
        const scope = await getService('company.companies').orderScope(me.id);
        return (await strapi.db.query(ORDER).count({ where: { $and: [{ id: order.id }, scope] } })) === 1;
      };
      if (!(await mayOpen())) throw notFound(refusal('chat.order_not_found', 'No order of yours, or of your clients, has this reference'));
      return summaries().summary(await membership().orderConversation({ id: order.id, companyId: companyId!, customerId: order.customer?.id ?? null }), me);
    },

    /** Stores a message; the sender has read everything up to it. */
    async send(me: Member, conversationId: number, body: string): Promise<SentMessage> {
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
