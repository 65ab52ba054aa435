import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LRUCache } from 'lru-cache';
import type { ChatMember, ChatMessage, ConversationSummary, MemberKind } from '@ventalis/contracts';
import { getService } from '../../../utils/services';
import { ADMINISTRATORS } from '../../../utils/administrators';
import { createChatStore, memberKey, type ActiveParticipant } from '../chat-store';

const USER = 'plugin::users-permissions.user';
const ADMIN = 'admin::user';
const CONVERSATION = 'api::conversation.conversation';
const PARTICIPANT = 'api::conversation.conversation-participant';
const MESSAGE = 'api::conversation.message';

/** Who is asking: a storefront account or a panel administrator. */
export interface Member {
  kind: MemberKind;
  id: number;
}

type Row = Record<string, any>;

const NOT_YOURS = 'No conversation of yours has this id';
const sameMember = (a: Member, b: Member) => a.kind === b.kind && a.id === b.id;
const memberWhere = (member: Member) => (member.kind === 'user' ? { user: { id: member.id } } : { admin: { id: member.id } });
const memberOfParticipant = (p: Row): Member | null => (p.user ? { kind: 'user', id: p.user.id } : p.admin ? { kind: 'admin', id: p.admin.id } : null);

const MEMBER_USER_FIELDS = ['id', 'firstName', 'lastName', 'companyName'];
/** A customer's or consultant's account row (with its role) as others see them. */
const userAsMember = (user: Row): ChatMember => {
  const role = user.role.type as 'customer' | 'consultant';
  return { kind: 'user', id: user.id, name: `${user.firstName ?? ''} ${user.lastName ?? ''}`.trim(), role, company: role === 'customer' ? (user.companyName ?? null) : null };
};

/**
 * Conversations between members, with the contact rules of the shop: a customer talks
 * with their consultant and with administrators; a consultant with their clients, other
 * consultants and administrators; an administrator with anyone. Every message is stored
 * here before anyone receives it; the chat-server only delivers.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** A member as others see them; null for an unknown or blocked account. */
  async function describe(member: Member): Promise<ChatMember | null> {
    if (member.kind === 'admin') {
      const admin = await strapi.db.query(ADMIN).findOne({ where: { id: member.id, ...ADMINISTRATORS }, select: ['id', 'firstname', 'lastname'] });
      return admin ? { kind: 'admin', id: admin.id, name: `${admin.firstname ?? ''} ${admin.lastname ?? ''}`.trim(), role: 'administrator', company: null } : null;
    }
    const user = await strapi.db.query(USER).findOne({
      where: { id: member.id, blocked: false },
      select: MEMBER_USER_FIELDS,
      populate: { role: { select: ['type'] } },
    });
    return user && (user.role?.type === 'customer' || user.role?.type === 'consultant') ? userAsMember(user) : null;
  }

  /** The storefront account of a customer's consultant, if they have an active one. */
  async function consultantUserOf(customerId: number): Promise<number | null> {
    const customer = await strapi.db.query(USER).findOne({
      where: { id: customerId },
      select: ['id'],
      populate: { consultant: { select: ['id', 'blocked'], populate: { user: { select: ['id'] } } } },
    });
    const consultant = customer?.consultant;
    return consultant && !consultant.blocked ? (consultant.user?.id ?? null) : null;
  }

  async function mayContact(a: ChatMember, b: ChatMember): Promise<boolean> {
    if (sameMember(a, b)) return false;
    if (a.role === 'administrator' || b.role === 'administrator') return true;
    if (a.role === 'consultant' && b.role === 'consultant') return true;
    if (a.role === 'customer' && b.role === 'consultant') return (await consultantUserOf(a.id)) === b.id;
    if (a.role === 'consultant' && b.role === 'customer') return (await consultantUserOf(b.id)) === a.id;
    return false;
  }

  const store = createChatStore(strapi);

  /** My place in a conversation, with everyone else's: the rights check of every read and write. */
  async function participation(member: Member, conversationId: number): Promise<{ mine: ActiveParticipant; all: ActiveParticipant[] }> {
    if (!Number.isSafeInteger(conversationId) || conversationId <= 0) throw new errors.NotFoundError(NOT_YOURS);
    const all = await store.activeParticipants(conversationId);
    const mine = all.find((p) => sameMember(p.member, member));
    if (!mine) throw new errors.NotFoundError(NOT_YOURS);
    return { mine, all };
  }

  /** A message row just written, as members receive it. */
  const asChatMessage = (row: Row, conversationId: number, sender: ChatMember | null): ChatMessage => ({
    id: row.id,
    conversationId,
    sender,
    body: row.body,
    createdAt: new Date(row.createdAt).toISOString(),
  });

  /** Messages with their senders. */
  async function toMessages(rows: Row[], conversationId: number): Promise<ChatMessage[]> {
    const senderOf = (row: Row): Member | null => (row.senderUser ? { kind: 'user', id: row.senderUser.id } : row.senderAdmin ? { kind: 'admin', id: row.senderAdmin.id } : null);
    return Promise.all(rows.map(async (row) => {
      const sender = senderOf(row);
      return asChatMessage(row, conversationId, sender ? await describeAnyway(sender) : null);
    }));
  }

  /**
   * Senders as others see them, kept a minute: every message carries its sender (a renamed
   * member shows under the new name within that minute). Lookups under way are shared.
   */
  const senders = new LRUCache<string, Promise<ChatMember>>({ max: 10_000, ttl: 60_000 });
  function describeAnyway(member: Member): Promise<ChatMember> {
    const key = `${member.kind}:${member.id}`;
    let described = senders.get(key);
    if (!described) {
      described = describeFromRows(member);
      senders.set(key, described);
      described.catch(() => senders.delete(key));
    }
    return described;
  }

  /** A sender who has since been blocked still shows with their name. */
  async function describeFromRows(member: Member): Promise<ChatMember> {
    const described = await describe(member);
    if (described) return described;
    if (member.kind === 'admin') {
      const admin = await strapi.db.query(ADMIN).findOne({ where: { id: member.id }, select: ['firstname', 'lastname'] });
      return { kind: 'admin', id: member.id, name: admin ? `${admin.firstname ?? ''} ${admin.lastname ?? ''}`.trim() : 'Former administrator', role: 'administrator', company: null };
    }
    const user = await strapi.db.query(USER).findOne({ where: { id: member.id }, select: ['firstName', 'lastName'], populate: { role: { select: ['type'] } } });
    return { kind: 'user', id: member.id, name: user ? `${user.firstName ?? ''} ${user.lastName ?? ''}`.trim() : 'Former member', role: user?.role?.type === 'customer' ? 'customer' : 'consultant', company: null };
  }

  const messageRow = (where: Row, orderBy: 'asc' | 'desc', limit: number) =>
    strapi.db.query(MESSAGE).findMany({
      where,
      select: ['id', 'body', 'createdAt'],
      populate: { senderUser: { select: ['id'] }, senderAdmin: { select: ['id'] } },
      orderBy: { id: orderBy },
      limit,
    });

  async function summary(conversationId: number, me: Member): Promise<ConversationSummary> {
    const conversation = await strapi.db.query(CONVERSATION).findOne({
      where: { id: conversationId },
      select: ['id'],
      populate: { order: { select: ['reference'] }, participants: { where: { active: true }, select: ['id', 'lastReadMessageId'], populate: { user: { select: ['id'] }, admin: { select: ['id'] } } } },
    });
    const participants = (conversation.participants as Row[]).map((p) => ({ member: memberOfParticipant(p), lastRead: Number(p.lastReadMessageId ?? 0) }));
    const mine = participants.find((p) => p.member && sameMember(p.member, me));
    const others = participants.filter((p) => p.member && !sameMember(p.member, me));
    const [last] = await messageRow({ conversation: { id: conversationId } }, 'desc', 1);
    const unread = await strapi.db.query(MESSAGE).count({ where: { conversation: { id: conversationId }, id: { $gt: mine?.lastRead ?? 0 } } });
    return {
      id: conversationId,
      order: conversation.order?.reference ?? null,
      with: await Promise.all(others.map((p) => describeAnyway(p.member!))),
      lastMessage: last ? (await toMessages([last], conversationId))[0]! : null,
      unread,
      readUpTo: others.map((p) => ({ member: { kind: p.member!.kind, id: p.member!.id }, messageId: p.lastRead })),
    };
  }

  async function createConversation(data: { order?: number; client?: number }, members: Member[]): Promise<number> {
    const conversation = await strapi.db.query(CONVERSATION).create({ data: { ...data, lastMessageAt: null } });
    for (const member of members) {
      await strapi.db.query(PARTICIPANT).create({ data: { conversation: conversation.id, ...(member.kind === 'user' ? { user: member.id } : { admin: member.id }), lastReadMessageId: 0, active: true } });
    }
    return conversation.id;
  }

  async function postSystemMessage(conversationId: number, body: string) {
    const stored = await store.insertMessage(conversationId, body, null);
    getService('chat.live').deliver(asChatMessage({ ...stored, body }, conversationId, null), await service.participantsOf(conversationId));
  }

  /**
   * Makes a conversation's consultant side follow the client's current consultant: the
   * one who no longer follows the client leaves it (keeping nothing of it), and so does a
   * former consultant whose account is gone; the new one joins with the whole history.
   * Says who joined (and whether they take over from someone) and who left.
   */
  async function followConsultant(conversationId: number, clientId: number): Promise<{ joined: ChatMember | null; takesOver: boolean; left: Member[] }> {
    const consultantUserId = await consultantUserOf(clientId);
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
    return { joined: await describe({ kind: 'user', id: consultantUserId }), takesOver: consultants.some((c) => !isCurrent(c)), left };
  }

  /** Members who joined or left a conversation see it appear or go on their open pages. */
  async function announceMembers(conversationId: number, joined: Member[], left: Member[]) {
    getService('chat.live').changeConversations({
      joined: await Promise.all(joined.map(async (member) => ({ member: { kind: member.kind, id: member.id }, conversation: await summary(conversationId, member) }))),
      left: left.map((member) => ({ member: { kind: member.kind, id: member.id }, conversationId })),
    });
  }

  /** After a change of consultant: the newcomer and the client see the conversation as it is now. */
  async function announceHandOver(conversationId: number, clientId: number, change: { joined: ChatMember | null; left: Member[] }) {
    if (!change.joined && change.left.length === 0) return;
    const stayed = (await store.activeParticipants(conversationId)).map((p) => p.member);
    // With nobody new, only the client's view changed (their consultant left).
    const told = change.joined ? stayed : stayed.filter((m) => m.kind === 'user' && m.id === clientId);
    await announceMembers(conversationId, told, change.left);
  }

  /** Members reading their messages through the REST API count as seen (a write a minute at most). */
  const lastTouched = new LRUCache<string, true>({ max: 50_000, ttl: 60_000 });
  async function touch(me: Member) {
    const key = memberKey(me);
    if (lastTouched.has(key)) return;
    lastTouched.set(key, true);
    await store.markSeen([me], new Date());
  }

  const service = {
    describe,
    describeSender: describeAnyway,
    mayContact,
    store,

    /** Members connected to the chat-server now (it reports them every minute), or at `at`. */
    seen(members: Member[], at = new Date()) {
      return store.markSeen(members, at);
    },

    /** My conversations, the most recent first, with unread counts. */
    async listFor(me: Member): Promise<ConversationSummary[]> {
      await touch(me);
      const mine: Row[] = await strapi.db.query(PARTICIPANT).findMany({ where: { active: true, ...memberWhere(me) }, populate: { conversation: { select: ['id', 'lastMessageAt'] } } });
      const ordered = mine
        .map((p) => p.conversation)
        .filter(Boolean)
        .sort((a: Row, b: Row) => new Date(b.lastMessageAt ?? 0).getTime() - new Date(a.lastMessageAt ?? 0).getTime() || b.id - a.id);
      return Promise.all(ordered.map((c: Row) => summary(c.id, me)));
    },

    /** Unread messages across my conversations, in one count (the header's badge, on every page). */
    async unreadCount(me: Member): Promise<number> {
      await touch(me);
      const mine: Row[] = await strapi.db.query(PARTICIPANT).findMany({ where: { active: true, ...memberWhere(me) }, select: ['lastReadMessageId'], populate: { conversation: { select: ['id'] } } });
      const unread = mine.filter((p) => p.conversation).map((p) => ({ conversation: { id: p.conversation.id }, id: { $gt: Number(p.lastReadMessageId ?? 0) } }));
      return unread.length === 0 ? 0 : strapi.db.query(MESSAGE).count({ where: { $or: unread } });
    },

    async get(me: Member, conversationId: number): Promise<ConversationSummary> {
      await participation(me, conversationId);
      return summary(conversationId, me);
    },

    /** A page of history: before an id (newest first) or after one (oldest first, to catch up). */
    async history(me: Member, conversationId: number, page: { before?: number; after?: number; limit: number }): Promise<ChatMessage[]> {
      await participation(me, conversationId);
      const where: Row = { conversation: { id: conversationId } };
      if (page.before !== undefined) where.id = { $lt: page.before };
      if (page.after !== undefined) where.id = { $gt: page.after };
      const rows = await messageRow(where, page.after !== undefined ? 'asc' : 'desc', page.limit);
      return toMessages(rows, conversationId);
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

    /** Stores a message; the sender has read everything up to it. */
    async send(me: Member, conversationId: number, body: string): Promise<{ message: ChatMessage; recipients: Member[] }> {
      const { mine, all } = await participation(me, conversationId);
      const stored = await store.insertMessage(conversationId, body, { member: me, participantId: mine.participantId });
      // The stored row is the message: no second read; the sender as others see them.
      return { message: asChatMessage({ ...stored, body }, conversationId, await describeAnyway(me)), recipients: all.map((p) => p.member) };
    },

    /** Read receipts: never backwards, never past the last message. */
    async markRead(me: Member, conversationId: number, upTo: number): Promise<{ lastReadMessageId: number }> {
      const { mine } = await participation(me, conversationId);
      const [last] = await messageRow({ conversation: { id: conversationId } }, 'desc', 1);
      const next = Math.max(mine.lastRead, Math.min(upTo, last?.id ?? 0));
      if (next !== mine.lastRead) await strapi.db.query(PARTICIPANT).update({ where: { id: mine.participantId }, data: { lastReadMessageId: next } });
      return { lastReadMessageId: next };
    },

    /** The people I may start a conversation with. */
    async contactsOf(me: Member): Promise<ChatMember[]> {
      const self = await describe(me);
      if (!self) return [];
      const admins: Row[] = await strapi.db.query(ADMIN).findMany({ where: ADMINISTRATORS, select: ['id'], orderBy: [{ lastname: 'asc' }, { id: 'asc' }] });
      const others = (candidates: Member[]) => Promise.all(candidates.filter((c) => !sameMember(c, me)).map(describe)).then((found) => found.filter((m): m is ChatMember => m !== null));
      const administrators = await others(admins.map((a): Member => ({ kind: 'admin', id: a.id })));
      if (self.role === 'administrator') {
        // Anyone: every consultant, then every customer by company, then the other administrators.
        const users: Row[] = await strapi.db.query(USER).findMany({
          where: { blocked: false, role: { type: { $in: ['consultant', 'customer'] } } },
          select: MEMBER_USER_FIELDS,
          populate: { role: { select: ['type'] } },
          orderBy: [{ companyName: 'asc' }, { lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
        });
        const members = users.map(userAsMember);
        return [...members.filter((m) => m.role === 'consultant'), ...members.filter((m) => m.role === 'customer'), ...administrators];
      }
      if (self.role === 'customer') {
        const consultant = await consultantUserOf(self.id);
        return [...(consultant ? await others([{ kind: 'user', id: consultant }]) : []), ...administrators];
      }
      const consultantId = await getConsultantId(self);
      const users: Row[] = await strapi.db.query(USER).findMany({
        where: { blocked: false, $or: [{ role: { type: 'consultant' } }, ...(consultantId ? [{ consultant: { id: consultantId }, role: { type: 'customer' } }] : [])] },
        select: ['id'],
        orderBy: { id: 'asc' },
      });
      return [...(await others(users.map((u): Member => ({ kind: 'user', id: u.id })))), ...administrators];
    },

    /** Starts (or finds) my one-to-one conversation with an allowed contact. */
    async start(me: Member, contact: Member): Promise<ConversationSummary> {
      const [self, other] = await Promise.all([describe(me), describe(contact)]);
      if (!self || !other) throw new errors.NotFoundError('No member has this id');
      if (!(await mayContact(self, other))) throw new errors.ForbiddenError('You cannot start a conversation with this person');
      // A client and their consultant share one conversation, kept across reassignments.
      if (self.role === 'customer' && other.role === 'consultant') return summary(await service.syncClientConversation(self.id), me);
      if (self.role === 'consultant' && other.role === 'customer') return summary(await service.syncClientConversation(other.id), me);

      const mine: Row[] = await strapi.db.query(PARTICIPANT).findMany({ where: { active: true, ...memberWhere(me), conversation: { order: { id: { $null: true } }, client: { id: { $null: true } } } }, populate: { conversation: { select: ['id'] } } });
      const ids = mine.map((p) => p.conversation?.id).filter(Boolean);
      if (ids.length > 0) {
        const shared = await strapi.db.query(PARTICIPANT).findOne({ where: { active: true, ...memberWhere(contact), conversation: { id: { $in: ids } } }, populate: { conversation: { select: ['id'] } } });
        if (shared) return summary(shared.conversation.id, me);
      }
      // Started by one of them: the other's open pages (and the starter's other tabs) show it at once.
      const conversationId = await createConversation({}, [me, contact]);
      await announceMembers(conversationId, [me, contact], []);
      return summary(conversationId, me);
    },

    /** The conversation about an order, between the client and their consultant. */
    async startForOrder(me: Member, reference: string): Promise<ConversationSummary> {
      const order = await strapi.db.query('api::order.order').findOne({ where: { reference }, select: ['id'], populate: { customer: { select: ['id'] } } });
      const clientId = order?.customer?.id as number | undefined;
      const allowed = me.kind === 'user' && clientId !== undefined && (me.id === clientId || (await consultantUserOf(clientId)) === me.id);
      if (!order || !allowed) throw new errors.NotFoundError('No order of yours, or of your clients, has this reference');
      const existing = await strapi.db.query(CONVERSATION).findOne({ where: { order: { id: order.id } }, select: ['id'] });
      const conversationId = existing?.id ?? (await createConversation({ order: order.id }, [{ kind: 'user', id: clientId }]));
      const change = await followConsultant(conversationId, clientId);
      await announceHandOver(conversationId, clientId, change);
      return summary(conversationId, me);
    },

    /**
     * The client's conversation with their consultant exists from registration; when the
     * client changes consultant, the new one takes it over, with a message saying so.
     */
    async syncClientConversation(clientId: number): Promise<number> {
      const existing = await strapi.db.query(CONVERSATION).findOne({ where: { client: { id: clientId } }, select: ['id'] });
      const conversationId = existing?.id ?? (await createConversation({ client: clientId }, [{ kind: 'user', id: clientId }]));
      const change = await followConsultant(conversationId, clientId);
      if (change.joined && change.takesOver) await postSystemMessage(conversationId, `${change.joined.name} is now your consultant and takes over this conversation.`);
      await announceHandOver(conversationId, clientId, change);
      return conversationId;
    },

    /** Clients registered before conversations existed get theirs. */
    async ensureClientConversations(): Promise<void> {
      const clients: Row[] = await strapi.db.query(USER).findMany({ where: { role: { type: 'customer' } }, select: ['id'] });
      const withOne: Row[] = await strapi.db.query(CONVERSATION).findMany({ where: { client: { id: { $notNull: true } } }, populate: { client: { select: ['id'] } } });
      const done = new Set(withOne.map((c) => c.client?.id));
      for (const client of clients.filter((c) => !done.has(c.id))) await service.syncClientConversation(client.id);
    },
  };

  async function getConsultantId(self: ChatMember): Promise<number | null> {
    const consultant = await strapi.db.query('api::consultant.consultant').findOne({ where: { user: { id: self.id }, blocked: false }, select: ['id'] });
    return consultant?.id ?? null;
  }

  return service;
};
