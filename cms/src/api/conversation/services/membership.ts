import type { Core } from '@strapi/strapi';
import type { ChatMember } from '@ventalis/contracts';
import { consultantTakesOver } from '../../../mail/messages';
import { getService } from '../../../utils/services';
import { createChatStore } from '../chat-store';
import { CONVERSATION, PARTICIPANT, USER, createConversation, type Member, type Row } from '../model';
import { asChatMessage } from './summaries';

/**
 * Who is in a conversation as people come and go. A client's conversation with their
 * consultant exists from registration and passes to each new consultant, with a message
 * saying so; members who join or leave a conversation see it appear or go on their open pages.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createChatStore(strapi);
  const summaries = () => getService('conversation.summaries');

  /**
   * Makes a conversation's consultant side follow the client's current consultant: the
   * one who no longer follows the client leaves it (keeping nothing of it), and so does a
   * former consultant whose account is gone; the new one joins with the whole history.
   * Says who joined (and whether they take over from someone) and who left.
   */
  async function followConsultant(conversationId: number, clientId: number): Promise<{ joined: ChatMember | null; takesOver: boolean; left: Member[] }> {
    const consultantUserId = await getService('conversation.members').consultantUserOf(clientId);
    const participants: Row[] = await strapi.db.query(PARTICIPANT).findMany({
      where: { conversation: { id: conversationId } },
      select: ['id', 'active'],
      populate: { user: { select: ['id'], populate: { role: { select: ['type'] } } }, admin: { select: ['id'] } },
    });
    // The consultant side: consultants, and participants whose account was deleted since.
    const consultants = participants.filter((p) => (p.user ? p.user.role?.type === 'consultant' : !p.admin));
    const isCurrent = (p: Row) => consultantUserId !== null && p.user?.id === consultantUserId;
    const left: Member[] = [];
    for (const p of consultants.filter((c) => c.active && !isCurrent(c))) {
      await strapi.db.query(PARTICIPANT).update({ where: { id: p.id }, data: { active: false } });
      if (p.user) left.push({ kind: 'user', id: p.user.id });
    }
    if (consultantUserId === null || consultants.some((c) => c.active && isCurrent(c))) return { joined: null, takesOver: false, left };
    const before = consultants.find(isCurrent);
    if (before) await strapi.db.query(PARTICIPANT).update({ where: { id: before.id }, data: { active: true } });
    else await strapi.db.query(PARTICIPANT).create({ data: { conversation: conversationId, user: consultantUserId, lastReadMessageId: 0, active: true } });
    return { joined: await getService('conversation.members').describe({ kind: 'user', id: consultantUserId }), takesOver: consultants.some((c) => !isCurrent(c)), left };
  }

  /** A message of Ventalis itself, stored and delivered to everyone in the conversation. */
  async function postSystemMessage(conversationId: number, body: string) {
    const stored = await store.insertMessage(conversationId, body, null);
    getService('conversation.live').deliver(asChatMessage({ ...stored, body }, conversationId, null), await summaries().participantsOf(conversationId));
  }

  const service = {
    /** Members who joined or left a conversation see it appear or go on their open pages. */
    async announce(conversationId: number, joined: Member[], left: Member[]): Promise<void> {
      getService('conversation.live').changeConversations({
        joined: await Promise.all(joined.map(async (member) => ({ member: { kind: member.kind, id: member.id }, conversation: await summaries().summary(conversationId, member) }))),
        left: left.map((member) => ({ member: { kind: member.kind, id: member.id }, conversationId })),
      });
    },

    /** The conversation about an order, created with the client if new, following their consultant. */
    async orderConversation(orderId: number, clientId: number): Promise<number> {
      const existing = await strapi.db.query(CONVERSATION).findOne({ where: { order: { id: orderId } }, select: ['id'] });
      const conversationId = existing?.id ?? (await createConversation(strapi, { order: orderId }, [{ kind: 'user', id: clientId }]));
      await service.announceHandOver(conversationId, clientId, await followConsultant(conversationId, clientId));
      return conversationId;
    },

    /**
     * The client's conversation with their consultant exists from registration; when the
     * client changes consultant, the new one takes it over, with a message saying so.
     */
    async syncClientConversation(clientId: number): Promise<number> {
      const existing = await strapi.db.query(CONVERSATION).findOne({ where: { client: { id: clientId } }, select: ['id'] });
      const conversationId = existing?.id ?? (await createConversation(strapi, { client: clientId }, [{ kind: 'user', id: clientId }]));
      const change = await followConsultant(conversationId, clientId);
      if (change.joined && change.takesOver) await postSystemMessage(conversationId, consultantTakesOver(change.joined.name));
      await service.announceHandOver(conversationId, clientId, change);
      return conversationId;
    },

    /** After a change of consultant: the newcomer and the client see the conversation as it is now. */
    async announceHandOver(conversationId: number, clientId: number, change: { joined: ChatMember | null; left: Member[] }): Promise<void> {
      if (!change.joined && change.left.length === 0) return;
      const stayed = await summaries().participantsOf(conversationId);
      // With nobody new, only the client's view changed (their consultant left).
      const told = change.joined ? stayed : stayed.filter((m) => m.kind === 'user' && m.id === clientId);
      await service.announce(conversationId, told, change.left);
    },

    /** Clients registered before conversations existed get theirs. */
    async ensureClientConversations(): Promise<void> {
      const clients: Row[] = await strapi.db.query(USER).findMany({ where: { role: { type: 'customer' } }, select: ['id'] });
      const withOne: Row[] = await strapi.db.query(CONVERSATION).findMany({ where: { client: { id: { $notNull: true } } }, populate: { client: { select: ['id'] } } });
      const done = new Set(withOne.map((c) => c.client?.id));
      for (const client of clients.filter((c) => !done.has(c.id))) await service.syncClientConversation(client.id);
    },
  };
  return service;
};
