import type { Core } from '@strapi/strapi';
import type { ChatMember, ChatMessage, ConversationSummary } from '@ventalis/contracts';
import { getService } from '../../../utils/services';
import { createChatStore, type ActiveParticipant } from '../chat-store';
import { CONVERSATION, MESSAGE, NOT_YOURS, PARTICIPANT, memberOfParticipant, memberWhere, sameMember, type Member, type Row } from '../model';
import { refusal } from '@ventalis/contracts';
import { notFound } from '../../../utils/validation';

/** A message row just written, as members receive it. */
export const asChatMessage = (row: Row, conversationId: number, sender: ChatMember | null): ChatMessage => ({
  id: row.id,
  conversationId,
  sender,
  body: row.body,
  createdAt: new Date(row.createdAt).toISOString(),
});

/**
 * What members read of their conversations: the list with unread counts and read receipts,
 * one conversation, its history; and who is in which, for the chat-server. Every read (and
 * write) first checks the reader takes part (`participation`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createChatStore(strapi);
  const members = () => getService('conversation.members');

  /** Messages with their senders. */
  async function toMessages(rows: Row[], conversationId: number): Promise<ChatMessage[]> {
    const senderOf = (row: Row): Member | null => (row.senderUser ? { kind: 'user', id: row.senderUser.id } : row.senderAdmin ? { kind: 'admin', id: row.senderAdmin.id } : null);
    return Promise.all(rows.map(async (row) => {
      const sender = senderOf(row);
      return asChatMessage(row, conversationId, sender ? await members().describeSender(sender) : null);
    }));
  }

  const messageRows = (where: Row, orderBy: 'asc' | 'desc', limit: number): Promise<Row[]> =>
    strapi.db.query(MESSAGE).findMany({
      where,
      select: ['id', 'body', 'createdAt'],
      populate: { senderUser: { select: ['id'] }, senderAdmin: { select: ['id'] } },
      orderBy: { id: orderBy },
      limit,
    });

  const service = {
    /** My place in a conversation, with everyone else's: the rights check of every read and write. */
    async participation(member: Member, conversationId: number): Promise<{ mine: ActiveParticipant; all: ActiveParticipant[] }> {
      if (!Number.isSafeInteger(conversationId) || conversationId <= 0) throw notFound(refusal('chat.conversation_not_found', NOT_YOURS));
      const all = await store.activeParticipants(conversationId);
      const mine = all.find((p) => sameMember(p.member, member));
      if (!mine) throw notFound(refusal('chat.conversation_not_found', NOT_YOURS));
      return { mine, all };
    },

    /** The newest message of a conversation, if any. */
    async lastMessageId(conversationId: number): Promise<number | null> {
      const [last] = await messageRows({ conversation: { id: conversationId } }, 'desc', 1);
      return last?.id ?? null;
    },

    /** A conversation as one of its members sees it (no rights check: callers have made it). */
    async summary(conversationId: number, me: Member): Promise<ConversationSummary> {
      const conversation = await strapi.db.query(CONVERSATION).findOne({
        where: { id: conversationId },
        select: ['id'],
        populate: { order: { select: ['reference'] }, quote: { select: ['number'] }, company: { select: ['legalName'] }, participants: { where: { active: true }, select: ['id', 'lastReadMessageId'], populate: { user: { select: ['id'] }, admin: { select: ['id'] } } } },
      });
      const participants = (conversation.participants as Row[]).map((p) => ({ member: memberOfParticipant(p), lastRead: Number(p.lastReadMessageId ?? 0) }));
      const mine = participants.find((p) => p.member && sameMember(p.member, me));
      const others = participants.filter((p) => p.member && !sameMember(p.member, me));
      const [last] = await messageRows({ conversation: { id: conversationId } }, 'desc', 1);
      const unread = await strapi.db.query(MESSAGE).count({ where: { conversation: { id: conversationId }, id: { $gt: mine?.lastRead ?? 0 } } });
      return {
        id: conversationId,
        order: conversation.order?.reference ?? null,
        quote: conversation.quote?.number ?? null,
        company: conversation.company?.legalName ?? null,
        with: await Promise.all(others.map((p) => members().describeSender(p.member!))),
        lastMessage: last ? (await toMessages([last], conversationId))[0]! : null,
        unread,
        readUpTo: others.map((p) => ({ member: { kind: p.member!.kind, id: p.member!.id }, messageId: p.lastRead })),
      };
    },

    /** My conversations, the most recent first, with unread counts. */
    async listFor(me: Member): Promise<ConversationSummary[]> {
      await getService('conversation.presence').touch(me);
      const mine: Row[] = await strapi.db.query(PARTICIPANT).findMany({ where: { active: true, ...memberWhere(me) }, populate: { conversation: { select: ['id', 'lastMessageAt'] } } });
      const ordered = mine
        .map((p) => p.conversation)
        .filter(Boolean)
        .sort((a: Row, b: Row) => new Date(b.lastMessageAt ?? 0).getTime() - new Date(a.lastMessageAt ?? 0).getTime() || b.id - a.id);
      return Promise.all(ordered.map((c: Row) => service.summary(c.id, me)));
    },

    /** Unread messages across my conversations, in one count (the header's badge, on every page). */
    async unreadCount(me: Member): Promise<number> {
      await getService('conversation.presence').touch(me);
      const mine: Row[] = await strapi.db.query(PARTICIPANT).findMany({ where: { active: true, ...memberWhere(me) }, select: ['lastReadMessageId'], populate: { conversation: { select: ['id'] } } });
      const unread = mine.filter((p) => p.conversation).map((p) => ({ conversation: { id: p.conversation.id }, id: { $gt: Number(p.lastReadMessageId ?? 0) } }));
      return unread.length === 0 ? 0 : strapi.db.query(MESSAGE).count({ where: { $or: unread } });
    },

    async get(me: Member, conversationId: number): Promise<ConversationSummary> {
      await service.participation(me, conversationId);
      return service.summary(conversationId, me);
    },

    /** A page of history: before an id (newest first) or after one (oldest first, to catch up). */
    async history(me: Member, conversationId: number, page: { before?: number; after?: number; limit: number }): Promise<ChatMessage[]> {
      await service.participation(me, conversationId);
      const where: Row = { conversation: { id: conversationId } };
      if (page.before !== undefined) where.id = { $lt: page.before };
      if (page.after !== undefined) where.id = { $gt: page.after };
      return toMessages(await messageRows(where, page.after !== undefined ? 'asc' : 'desc', page.limit), conversationId);
    },

    /** My conversations and who else is in each: what the chat-server needs when I connect. */
    async membershipsOf(me: Member): Promise<{ id: number; with: Member[] }[]> {
      const memberships = await store.memberships(me);
      return [...memberships].map(([id, participants]) => ({ id, with: participants.map((p) => p.member).filter((m) => !sameMember(m, me)) }));
    },

    /** Everyone active in a conversation: whom its news goes to. */
    async participantsOf(conversationId: number): Promise<Member[]> {
      return (await store.activeParticipants(conversationId)).map((p) => p.member);
    },
  };
  return service;
};
