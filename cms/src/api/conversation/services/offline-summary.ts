import type { Core } from '@strapi/strapi';
import type { ChatMember } from '@ventalis/contracts';
import { getService } from '../../../utils/services';
import { createChatStore } from '../chat-store';
import type { Member } from '../model';

/** Away this long with unread messages, a member gets one email summarising them. */
export const AWAY_MINUTES = 15;
const SHOWN_PER_CONVERSATION = 3;
const EXCERPT = 280;

const excerpt = (body: string) => (body.length > EXCERPT ? `${body.slice(0, EXCERPT - 1)}…` : body);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The chat's email fallback. A member is seen while a socket of theirs is open (the
 * chat-server reports them every minute) or while they read their messages in the shop;
 * once away for 15 minutes with unread messages, they get one email listing them, and no
 * other until they have been seen again.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createChatStore(strapi);
  async function addressOf(member: Member): Promise<string | null> {
    if (member.kind === 'admin') {
      const admin = await strapi.db.query('admin::user').findOne({ where: { id: member.id, isActive: true, blocked: false }, select: ['email'] });
      return admin?.email ?? null;
    }
    const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: member.id, blocked: false, confirmed: true }, select: ['email'] });
    return user?.email ?? null;
  }

  function linkFor(member: Member, conversationId: number): string {
    if (member.kind === 'admin') return `${strapi.config.get('admin.absoluteUrl') as string}/plugins/messages?c=${conversationId}`;
    return new URL(`/messages?c=${conversationId}`, strapi.config.get('ventalis.storefrontUrl') as string).toString();
  }

  return {
    /** Sends the summaries due at `now`; returns how many were sent. */
    async sendDue(now = new Date()): Promise<number> {
      const summaries = getService('conversation.summaries');
      const awaySince = new Date(now.getTime() - AWAY_MINUTES * 60_000);
      const byMember = new Map<string, { member: Member; conversations: { conversationId: number; lastRead: number; unread: number }[] }>();
      for (const p of await store.unreadParticipations()) {
        const key = `${p.member.kind}:${p.member.id}`;
        const entry = byMember.get(key) ?? { member: p.member, conversations: [] };
        entry.conversations.push({ conversationId: p.conversationId, lastRead: p.lastRead, unread: p.unread });
        byMember.set(key, entry);
      }
      let sent = 0;
      for (const { member, conversations } of byMember.values()) {
        if (!(await store.claimSummary(member, now, awaySince))) continue;
        const to = await addressOf(member);
        if (!to) continue;
        const sections: string[] = [];
        let total = 0;
        for (const { conversationId, lastRead, unread } of conversations) {
          const conversation = await summaries.get(member, conversationId);
          const latest = (await summaries.history(member, conversationId, { limit: SHOWN_PER_CONVERSATION })).filter((m) => m.id > lastRead).reverse();
          const names = conversation.with.map((m: ChatMember) => m.name).join(', ') || 'Ventalis';
          const about = conversation.order ? ` about order ${conversation.order}` : '';
          const lines = latest.map((m) => `  ${m.sender?.name ?? 'Ventalis'}: ${excerpt(m.body)}`);
          const more = unread > latest.length ? [`  …and ${plural(unread - latest.length, 'earlier message')}`] : [];
          sections.push([`With ${names}${about} — ${plural(unread, 'unread message')}:`, ...lines, ...more, `  Read and answer: ${linkFor(member, conversationId)}`].join('\n'));
          total += unread;
        }
        const self = await getService('conversation.members').describe(member);
        await getService('account.mail').send({
          to,
          subject: `You have ${plural(total, 'unread message')} on Ventalis`,
          text: `Hello${self?.name ? ` ${self.name}` : ''},\n\nWhile you were away, you received ${plural(total, 'message')}:\n\n${sections.join('\n\n')}\n\nYou receive one such email each time you are away for ${AWAY_MINUTES} minutes with unread messages.\n`,
        });
        sent += 1;
      }
      return sent;
    },
  };
};
