import type { Core } from '@strapi/strapi';
import { isCompanyRole, type ChatMember } from '@ventalis/contracts';
import { consultantTakesOver } from '../../../mail/messages';
import { getService } from '../../../utils/services';
import { createChatStore } from '../chat-store';
import { CONVERSATION, PARTICIPANT, createConversation, type Member, type Row } from '../model';
import { asChatMessage } from './summaries';

const COMPANY = 'api::company.company';

/** Who joined and left a conversation in one change. */
interface Change {
  joined: Member[];
  left: Member[];
  /** The consultant who joined, when one did, and whether they take over from another. */
  consultant: ChatMember | null;
  takesOver: boolean;
}

const user = (id: number): Member => ({ kind: 'user', id });

/**
 * Who is in a conversation as people come and go. A company's conversation with its
 * consultant exists from its registration: every member of the company takes part (a new
 * member finds its whole history, a removed one leaves it), and it passes to each new
 * consultant with a message saying so. A conversation about an order has the people of the
 * company who may see the order and the company's consultant. Members who join or leave a
 * conversation see it appear or go on their open pages.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createChatStore(strapi);
  const summaries = () => getService('conversation.summaries');
  const members = () => getService('conversation.members');
  const companies = () => getService('company.companies');

  /**
   * Makes a conversation's consultant side follow the company's current consultant: the one
   * who no longer follows it leaves (keeping nothing of it), and so does a former consultant
   * whose account is gone; the new one joins with the whole history.
   */
  async function followConsultant(conversationId: number, consultantUserId: number | null, participants: Row[]): Promise<Pick<Change, 'joined' | 'left' | 'consultant' | 'takesOver'>> {
    // The consultant side: consultants, and participants whose account was deleted since.
    const consultants = participants.filter((p) => (p.user ? p.user.role?.type === 'consultant' : !p.admin));
    const isCurrent = (p: Row) => consultantUserId !== null && p.user?.id === consultantUserId;
    const left: Member[] = [];
    for (const p of consultants.filter((c) => c.active && !isCurrent(c))) {
      await strapi.db.query(PARTICIPANT).update({ where: { id: p.id }, data: { active: false } });
      if (p.user) left.push(user(p.user.id));
    }
    if (consultantUserId === null || consultants.some((c) => c.active && isCurrent(c))) return { joined: [], left, consultant: null, takesOver: false };
    await setActive(conversationId, participants, consultantUserId);
    return { joined: [user(consultantUserId)], left, consultant: await members().describe(user(consultantUserId)), takesOver: consultants.some((c) => !isCurrent(c)) };
  }

  /** Makes a storefront account active in a conversation, back in it if it was there before. */
  async function setActive(conversationId: number, participants: Row[], userId: number): Promise<void> {
    const before = participants.find((p) => p.user?.id === userId);
    if (before) await strapi.db.query(PARTICIPANT).update({ where: { id: before.id }, data: { active: true } });
    else await strapi.db.query(PARTICIPANT).create({ data: { conversation: conversationId, user: userId, lastReadMessageId: 0, active: true } });
  }

  /** Makes a conversation's client side exactly these accounts: the others leave, the missing ones join. */
  async function followClients(conversationId: number, clientIds: number[], participants: Row[]): Promise<Pick<Change, 'joined' | 'left'>> {
    const clients = participants.filter((p) => p.user?.role?.type === 'customer');
    const wanted = new Set(clientIds);
    const left: Member[] = [];
    for (const p of clients.filter((c) => c.active && !wanted.has(c.user.id))) {
      await strapi.db.query(PARTICIPANT).update({ where: { id: p.id }, data: { active: false } });
      left.push(user(p.user.id));
    }
    const joined: Member[] = [];
    for (const id of clientIds.filter((id) => !clients.some((c) => c.active && c.user.id === id))) {
      await setActive(conversationId, participants, id);
      joined.push(user(id));
    }
    return { joined, left };
  }

  const participantRows = (conversationId: number): Promise<Row[]> =>
    strapi.db.query(PARTICIPANT).findMany({
      where: { conversation: { id: conversationId } },
      select: ['id', 'active', 'lastReadMessageId'],
      populate: { user: { select: ['id'], populate: { role: { select: ['type'] } } }, admin: { select: ['id'] } },
    });

  /** A message of Ventalis itself, stored and delivered to everyone in the conversation. */
  async function postSystemMessage(conversationId: number, body: string) {
    const stored = await store.insertMessage(conversationId, body, null);
    getService('conversation.live').deliver(asChatMessage({ ...stored, body }, conversationId, null), await summaries().participantsOf(conversationId));
  }

  /** After a change, everyone in the conversation sees it as it is now, and those who left see it go. */
  async function tell(conversationId: number, change: Pick<Change, 'joined' | 'left'>): Promise<void> {
    if (change.joined.length === 0 && change.left.length === 0) return;
    await service.announce(conversationId, await summaries().participantsOf(conversationId), change.left);
  }

  /** The people of a company who may see an order: its admins and accountants, and the buyer who placed it while still a member. */
  async function peopleWhoSee(order: { companyId: number; customerId: number | null }): Promise<number[]> {
    const rows: Row[] = await strapi.db.query('plugin::users-permissions.user').findMany({ where: { company: { id: order.companyId } }, select: ['id', 'companyRole'] });
    return rows.filter((r) => companies().seesOrder({ id: r.id, companyId: order.companyId, role: isCompanyRole(r.companyRole) ? r.companyRole : null }, order)).map((r) => r.id);
  }

  const service = {
    /** Members who joined or left a conversation see it appear or go on their open pages. */
    async announce(conversationId: number, joined: Member[], left: Member[]): Promise<void> {
      getService('conversation.live').changeConversations({
        joined: await Promise.all(joined.map(async (member) => ({ member: { kind: member.kind, id: member.id }, conversation: await summaries().summary(conversationId, member) }))),
        left: left.map((member) => ({ member: { kind: member.kind, id: member.id }, conversationId })),
      });
    },

    /**
     * The company's conversation with its consultant, created if new, with every member of
     * the company and its current consultant in it. A new consultant takes it over with a
     * message saying so.
     */
    async syncCompanyConversation(companyId: number): Promise<number> {
      const existing = await strapi.db.query(CONVERSATION).findOne({ where: { company: { id: companyId } }, select: ['id'] });
      const conversationId = existing?.id ?? (await createConversation(strapi, { company: companyId }, []));
      const participants = await participantRows(conversationId);
      const clients = await followClients(conversationId, await companies().memberIds(companyId), participants);
      const consultant = await followConsultant(conversationId, await members().consultantUserOfCompany(companyId), participants);
      if (consultant.consultant && consultant.takesOver) await postSystemMessage(conversationId, consultantTakesOver(consultant.consultant.name));
      await tell(conversationId, { joined: [...clients.joined, ...consultant.joined], left: [...clients.left, ...consultant.left] });
      return conversationId;
    },

    /**
     * The conversation about an order, created if new: the people of the company who may see
     * the order (and who asks, having been checked), with the company's current consultant.
     */
    async orderConversation(order: { id: number; companyId: number; customerId: number | null }): Promise<number> {
      return service.subjectConversation('order', order);
    },

    /** The conversation about a quote: as about an order, with those who see the quote (the buyer who asked, the company's admins and accountants). */
    async quoteConversation(quote: { id: number; companyId: number; customerId: number | null }): Promise<number> {
      return service.subjectConversation('quote', quote);
    },

    async subjectConversation(kind: 'order' | 'quote', subject: { id: number; companyId: number; customerId: number | null }): Promise<number> {
      const existing = await strapi.db.query(CONVERSATION).findOne({ where: { [kind]: { id: subject.id } }, select: ['id'] });
      const conversationId = existing?.id ?? (await createConversation(strapi, { [kind]: subject.id }, []));
      const participants = await participantRows(conversationId);
      const clients = await followClients(conversationId, await peopleWhoSee(subject), participants);
      const consultant = await followConsultant(conversationId, await members().consultantUserOfCompany(subject.companyId), participants);
      await tell(conversationId, { joined: [...clients.joined, ...consultant.joined], left: [...clients.left, ...consultant.left] });
      return conversationId;
    },

    /**
     * After an account's place in a company changed (joined, removed, new role, new
     * consultant): it leaves the conversations of a company it is no longer in and those
     * about orders and quotes it may no longer see, and its company's conversation follows its members
     * and consultant.
     */
    async syncMemberConversations(userId: number): Promise<void> {
      const membership = await companies().membershipOf(userId);
      const mine: Row[] = await strapi.db.query(PARTICIPANT).findMany({
        where: { active: true, user: { id: userId } },
        select: ['id'],
        populate: {
          conversation: {
            select: ['id'],
            populate: {
              company: { select: ['id'] },
              order: { select: ['id'], populate: { company: { select: ['id'] }, customer: { select: ['id'] } } },
              quote: { select: ['id'], populate: { company: { select: ['id'] }, customer: { select: ['id'] } } },
            },
          },
        },
      });
      const stillTheirs = (conversation: Row): boolean => {
        if (conversation.company) return conversation.company.id === membership?.companyId;
        const order = conversation.order ?? conversation.quote;
        if (!order) return true;
        return companies().seesOrder({ id: userId, companyId: membership?.companyId ?? null, role: membership?.role ?? null }, { companyId: order.company?.id ?? null, customerId: order.customer?.id ?? null });
      };
      for (const p of mine.filter((p) => p.conversation && !stillTheirs(p.conversation))) {
        await strapi.db.query(PARTICIPANT).update({ where: { id: p.id }, data: { active: false } });
        await tell(p.conversation.id, { joined: [], left: [user(userId)] });
      }
      if (membership) await service.syncCompanyConversation(membership.companyId);
    },

    /**
     * Conversations from before companies owned them: a client's conversation with their
     * consultant becomes their company's; when several members of one company each had one,
     * their messages move into the company's, in the order they were written, and each
     * member keeps how far they had read. Then every company without a conversation gets one.
     * Runs at every start-up and does nothing once done.
     */
    async ensureCompanyConversations(): Promise<void> {
      const legacy: Row[] = await strapi.db.query(CONVERSATION).findMany({
        where: { client: { id: { $notNull: true } } },
        select: ['id', 'lastMessageAt'],
        populate: { client: { select: ['id'], populate: { company: { select: ['id'] } } } },
        orderBy: { id: 'asc' },
      });
      for (const conversation of legacy) {
        const companyId = conversation.client?.company?.id as number | undefined;
        const target = companyId ? await strapi.db.query(CONVERSATION).findOne({ where: { company: { id: companyId } }, select: ['id', 'lastMessageAt'] }) : null;
        if (companyId && !target) {
          await strapi.db.query(CONVERSATION).update({ where: { id: conversation.id }, data: { company: companyId, client: null } });
          continue;
        }
        // Someone outside any company keeps their history as it is, in no company's conversation.
        if (target) await service.mergeInto(conversation, target);
        await strapi.db.query(CONVERSATION).update({ where: { id: conversation.id }, data: { client: null } });
      }
      const all: Row[] = await strapi.db.query(COMPANY).findMany({ select: ['id'] });
      const withOne: Row[] = await strapi.db.query(CONVERSATION).findMany({ where: { company: { id: { $notNull: true } } }, select: ['id'], populate: { company: { select: ['id'] } } });
      const done = new Set(withOne.map((c) => c.company?.id));
      for (const company of all.filter((c) => !done.has(c.id) || legacy.length > 0)) await service.syncCompanyConversation(company.id);
    },

    /** One conversation's messages and read marks join another's; it is left empty, with nobody in it. */
    async mergeInto(source: Row, target: Row): Promise<void> {
      await store.moveMessages(source.id, target.id);
      const [from, into] = await Promise.all([participantRows(source.id), participantRows(target.id)]);
      for (const p of from) {
        const same = into.find((q) => (p.user ? q.user?.id === p.user.id : p.admin && q.admin?.id === p.admin.id));
        const lastRead = Math.max(Number(p.lastReadMessageId ?? 0), Number(same?.lastReadMessageId ?? 0));
        if (same) await strapi.db.query(PARTICIPANT).update({ where: { id: same.id }, data: { lastReadMessageId: lastRead } });
        // Not there yet: their place waits, with how far they read, for the members to be synced.
        else await strapi.db.query(PARTICIPANT).create({ data: { conversation: target.id, ...(p.user ? { user: p.user.id } : p.admin ? { admin: p.admin.id } : {}), lastReadMessageId: lastRead, active: false } });
        await strapi.db.query(PARTICIPANT).update({ where: { id: p.id }, data: { active: false } });
      }
      const latest = [source.lastMessageAt, target.lastMessageAt].filter(Boolean).map((d) => new Date(d)).sort((a, b) => b.getTime() - a.getTime())[0];
      if (latest) await strapi.db.query(CONVERSATION).update({ where: { id: target.id }, data: { lastMessageAt: latest } });
    },
  };
  return service;
};
