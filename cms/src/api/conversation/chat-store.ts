import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createId } from '@paralleldrive/cuid2';
import type { MemberKind } from '@ventalis/contracts';
import { inCallersTransaction, tableNames } from '../../utils/tables';

const CONVERSATION = 'api::conversation.conversation';
const PARTICIPANT = 'api::conversation.conversation-participant';
const MESSAGE = 'api::conversation.message';
const PRESENCE = 'api::conversation.member-presence';

/** How a member is written in the presence table: `user:12`, `admin:3`. */
export const memberKey = (member: { kind: MemberKind; id: number }) => `${member.kind}:${member.id}`;

export interface ActiveParticipant {
  participantId: number;
  member: { kind: MemberKind; id: number };
  lastRead: number;
}

type ParticipantRow = { participantId: number; lastRead: number | null; userId: number | null; adminId: number | null };

const asParticipant = (row: ParticipantRow): ActiveParticipant | null => {
  const member = row.userId ? { kind: 'user' as const, id: Number(row.userId) } : row.adminId ? { kind: 'admin' as const, id: Number(row.adminId) } : null;
  return member ? { participantId: Number(row.participantId), member, lastRead: Number(row.lastRead ?? 0) } : null;
};

/**
 * The chat's hot path in plain SQL: every message sent goes through here, hundreds a second.
 * Strapi's query engine costs a dozen statements and most of a core for one message (links
 * with their order recomputed, the row read back); these are the few statements it needs.
 * Table and column names come from Strapi's own metadata (tableNames).
 */
export function createChatStore(strapi: Core.Strapi) {
  let tables: ReturnType<typeof readTables> | undefined;

  function readTables() {
    const { table, link } = tableNames(strapi);
    return {
      messages: table(MESSAGE),
      presences: table(PRESENCE),
      participants: table(PARTICIPANT),
      conversations: table(CONVERSATION),
      messageConversation: link(MESSAGE, 'conversation'),
      messageSender: { user: link(MESSAGE, 'senderUser'), admin: link(MESSAGE, 'senderAdmin') },
      participantConversation: link(PARTICIPANT, 'conversation'),
      participantMember: { user: link(PARTICIPANT, 'user'), admin: link(PARTICIPANT, 'admin') },
    };
  }
  const t = () => (tables ??= readTables());
  const run = <T>(query: (db: Knex | Knex.Transaction) => Promise<T>): Promise<T> => inCallersTransaction(strapi, query);

  return {
    /** Everyone active in a conversation, with how far they have read: one statement. */
    async activeParticipants(conversationId: number): Promise<ActiveParticipant[]> {
      const { participants, participantConversation: pc, participantMember: pm } = t();
      const rows = await run((db): Promise<ParticipantRow[]> => db
        .select('p.id as participantId', 'p.last_read_message_id as lastRead', `pu.${pm.user.inverseJoinColumn.name} as userId`, `pa.${pm.admin.inverseJoinColumn.name} as adminId`)
        .from(`${participants} as p`)
        .join(`${pc.name} as pc`, `pc.${pc.joinColumn.name}`, 'p.id')
        .leftJoin(`${pm.user.name} as pu`, `pu.${pm.user.joinColumn.name}`, 'p.id')
        .leftJoin(`${pm.admin.name} as pa`, `pa.${pm.admin.joinColumn.name}`, 'p.id')
        .where(`pc.${pc.inverseJoinColumn.name}`, conversationId)
        .andWhere('p.active', true)
        .orderBy('p.id'));
      return rows.map(asParticipant).filter((p): p is ActiveParticipant => p !== null);
    },

    /** The conversations a member is active in, with everyone active in each: one statement. */
    async memberships(member: { kind: MemberKind; id: number }): Promise<Map<number, ActiveParticipant[]>> {
      const { participants, participantConversation: pc, participantMember: pm } = t();
      const mine = pm[member.kind];
      const rows = await run((db): Promise<(ParticipantRow & { conversationId: number })[]> => db
        .select(`others.${pc.inverseJoinColumn.name} as conversationId`, 'p.id as participantId', 'p.last_read_message_id as lastRead', `pu.${pm.user.inverseJoinColumn.name} as userId`, `pa.${pm.admin.inverseJoinColumn.name} as adminId`)
        .from(`${mine.name} as me`)
        .join(`${participants} as my`, 'my.id', `me.${mine.joinColumn.name}`)
        .join(`${pc.name} as mc`, `mc.${pc.joinColumn.name}`, 'my.id')
        .join(`${pc.name} as others`, `others.${pc.inverseJoinColumn.name}`, `mc.${pc.inverseJoinColumn.name}`)
        .join(`${participants} as p`, 'p.id', `others.${pc.joinColumn.name}`)
        .leftJoin(`${pm.user.name} as pu`, `pu.${pm.user.joinColumn.name}`, 'p.id')
        .leftJoin(`${pm.admin.name} as pa`, `pa.${pm.admin.joinColumn.name}`, 'p.id')
        .where(`me.${mine.inverseJoinColumn.name}`, member.id)
        .andWhere('my.active', true)
        .andWhere('p.active', true)
        .orderBy([`others.${pc.inverseJoinColumn.name}`, 'p.id']));
      const conversations = new Map<number, ActiveParticipant[]>();
      for (const row of rows) {
        const participant = asParticipant(row);
        if (!participant) continue;
        const id = Number(row.conversationId);
        conversations.set(id, [...(conversations.get(id) ?? []), participant]);
      }
      return conversations;
    },

    /**
     * Stores a message atomically: the row, its conversation and sender links, the
     * conversation's last activity and, for a member's message, the sender's read mark.
     * On PostgreSQL that is one statement (one round trip); elsewhere, one transaction.
     */
    async insertMessage(conversationId: number, body: string, sender: { member: { kind: MemberKind; id: number }; participantId: number } | null): Promise<{ id: number; createdAt: Date }> {
      const { messages, conversations, participants, messageConversation: mc, messageSender } = t();
      const now = new Date();
      const message = { document_id: createId(), body, created_at: now, updated_at: now, published_at: now };
      const senderLink = sender ? messageSender[sender.member.kind] : null;
      // The conversation's order of messages follows their ids.
      const conversationLink = (id: unknown) => ({ [mc.joinColumn.name]: id, [mc.inverseJoinColumn.name]: conversationId, ...(mc.inverseOrderColumnName ? { [mc.inverseOrderColumnName]: id } : {}) });

      if (strapi.db.dialect.client === 'postgres') {
        const statement = (db: Knex | Knex.Transaction) => {
          const id = db.raw('(select id from stored)');
          let query = db
            .with('stored', (q) => q.insert(message).into(messages).returning('id'))
            .with('linked', (q) => q.insert(conversationLink(id)).into(mc.name))
            .with('touched', (q) => q.table(conversations).where('id', conversationId).update({ last_message_at: now, updated_at: now }));
          if (sender && senderLink) {
            query = query
              .with('signed', (q) => q.insert({ [senderLink.joinColumn.name]: id, [senderLink.inverseJoinColumn.name]: sender.member.id }).into(senderLink.name))
              .with('seen', (q) => q.table(participants).where('id', sender.participantId).update({ last_read_message_id: id }));
          }
          return query.select('id').from('stored');
        };
        // Inside a caller's transaction, join it; otherwise the statement is its own.
        const [row] = await run(statement);
        return { id: Number(row.id), createdAt: now };
      }

      return strapi.db.transaction(async ({ trx }) => {
        const [row] = await trx(messages).insert(message).returning('id');
        const id = Number(typeof row === 'object' ? row.id : row);
        await trx(mc.name).insert(conversationLink(id));
        if (sender && senderLink) {
          await trx(senderLink.name).insert({ [senderLink.joinColumn.name]: id, [senderLink.inverseJoinColumn.name]: sender.member.id });
          await trx(participants).where('id', sender.participantId).update({ last_read_message_id: id });
        }
        await trx(conversations).where('id', conversationId).update({ last_message_at: now, updated_at: now });
        return { id, createdAt: now };
      });
    },

    /** Moves every message of one conversation into another, keeping their ids (and so their order): one statement. */
    async moveMessages(fromConversationId: number, toConversationId: number): Promise<void> {
      const { messageConversation: mc } = t();
      await run((db) => db(mc.name).where(mc.inverseJoinColumn.name, fromConversationId).update({ [mc.inverseJoinColumn.name]: toConversationId }));
    },

    /** Members seen on the chat now (or at `at`): their presence rows, created when missing. */
    async markSeen(members: { kind: MemberKind; id: number }[], at: Date): Promise<void> {
      const keys = [...new Set(members.map(memberKey))];
      if (keys.length === 0) return;
      const { presences } = t();
      await strapi.db.transaction(async ({ trx }) => {
        const known = new Set((await trx(presences).select('member').whereIn('member', keys)).map((row: { member: string }) => row.member));
        if (known.size > 0) await trx(presences).whereIn('member', [...known]).update({ last_seen_at: at, updated_at: at });
        const added = keys.filter((key) => !known.has(key));
        if (added.length > 0) await trx(presences).insert(added.map((member) => ({ document_id: createId(), member, last_seen_at: at, created_at: at, updated_at: at, published_at: at })));
      });
    },

    /**
     * Every active participant with unread messages, how many, and the latest of them: one
     * statement. Each participant's messages are looked up in its own conversation (by index):
     * joining every participant to every message newer than what it read, then grouping, is
     * what a planner without statistics does with it, and that grew with participants × messages.
     */
    async unreadParticipations(): Promise<(ActiveParticipant & { conversationId: number; unread: number; latest: number })[]> {
      const { participants, participantConversation: pc, participantMember: pm, messageConversation: mc } = t();
      const conversation = `pc.${pc.inverseJoinColumn.name}`;
      const rows = await run((db): Promise<(ParticipantRow & { conversationId: number; unread: number | string; latest: number | string })[]> => {
        const ofConversation = (alias: string) => db(`${mc.name} as ${alias}`).where(`${alias}.${mc.inverseJoinColumn.name}`, db.ref(conversation));
        const unread = (alias: string) => ofConversation(alias).andWhere(`${alias}.${mc.joinColumn.name}`, '>', db.raw('coalesce(p.last_read_message_id, 0)'));
        return db
          .select(`${conversation} as conversationId`, 'p.id as participantId', 'p.last_read_message_id as lastRead', `pu.${pm.user.inverseJoinColumn.name} as userId`, `pa.${pm.admin.inverseJoinColumn.name} as adminId`)
          .select(unread('mu').count('*').as('unread'), ofConversation('ml').max(`ml.${mc.joinColumn.name}`).as('latest'))
          .from(`${participants} as p`)
          .join(`${pc.name} as pc`, `pc.${pc.joinColumn.name}`, 'p.id')
          .leftJoin(`${pm.user.name} as pu`, `pu.${pm.user.joinColumn.name}`, 'p.id')
          .leftJoin(`${pm.admin.name} as pa`, `pa.${pm.admin.joinColumn.name}`, 'p.id')
          .where('p.active', true)
          .whereExists(unread('me').select(db.raw('1')));
      });
      return rows.flatMap((row) => {
        const participant = asParticipant(row);
        return participant ? [{ ...participant, conversationId: Number(row.conversationId), unread: Number(row.unread), latest: Number(row.latest) }] : [];
      });
    },

    /**
     * Claims the right to send a member their summary of unread messages: granted once per
     * absence (not since they were last seen), and only when they have been away since
     * `awaySince` at least. Atomic, so that two cms processes never both send it.
     */
    async claimSummary(member: { kind: MemberKind; id: number }, now: Date, awaySince: Date): Promise<boolean> {
      const { presences } = t();
      const key = memberKey(member);
      return run(async (db) => {
        const [existing] = await db(presences).select('id').where('member', key).limit(1);
        if (!existing) {
          // Never seen on the chat: the first summary is theirs.
          await db(presences).insert({ document_id: createId(), member: key, last_seen_at: null, summary_sent_at: now, created_at: now, updated_at: now, published_at: now });
          return true;
        }
        const claimed = await db(presences)
          .where('member', key)
          .andWhere((q) => q.whereNull('last_seen_at').orWhere('last_seen_at', '<=', awaySince))
          .andWhere((q) => q.whereNull('summary_sent_at').orWhere((seen) => seen.whereNotNull('last_seen_at').andWhereRaw('summary_sent_at < last_seen_at')))
          .update({ summary_sent_at: now, updated_at: now });
        return Number(claimed) > 0;
      });
    },
  };
}

export type ChatStore = ReturnType<typeof createChatStore>;
