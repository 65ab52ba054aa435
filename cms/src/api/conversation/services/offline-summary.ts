import type { Core } from '@strapi/strapi';
import type { ChatMember } from '@ventalis/contracts';
import type { Locale } from '@ventalis/contracts/locale';
import { getService } from '../../../utils/services';
import { accountLocale, storefrontLink } from '../../../utils/locale';
import { chatSummaryMail, shopComment, type SummarySection } from '../../../mail/messages';
import { createChatStore } from '../chat-store';
import type { Member } from '../model';

/** Away this long with unread messages, a member gets one email summarising them. */
export const AWAY_MINUTES = 15;
const SHOWN_PER_CONVERSATION = 3;
/**
 * Conversations an email lists, those with the most recent unread messages first; the others
 * are counted, with a link to them all. A consultant back from a week away has dozens: a list
 * of them all would be read by nobody, and built at the expense of everyone's chat.
 */
export const SHOWN_CONVERSATIONS = 5;
const EXCERPT = 280;

const excerpt = (body: string) => (body.length > EXCERPT ? `${body.slice(0, EXCERPT - 1)}…` : body);

/**
 * The chat's email fallback. A member is seen while a socket of theirs is open (the
 * chat-server reports them every minute) or while they read their messages in the shop;
 * once away for 15 minutes with unread messages, they get one email listing them, and no
 * other until they have been seen again.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createChatStore(strapi);
  /**
   * Where and in which language a member reads their summary. A storefront account (client or
   * consultant) in its own language; an administrator in French, the shop's language (the panel
   * keeps an administrator's language in their browser, where the cms cannot read it).
   */
  async function recipientOf(member: Member): Promise<{ to: string; locale: Locale } | null> {
    if (member.kind === 'admin') {
      const admin = await strapi.db.query('admin::user').findOne({ where: { id: member.id, isActive: true, blocked: false }, select: ['email'] });
      return admin?.email ? { to: admin.email, locale: 'fr' } : null;
    }
    const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: member.id, blocked: false, confirmed: true }, select: ['email', 'language'] });
    return user?.email ? { to: user.email, locale: accountLocale(user) } : null;
  }

  /** A conversation's page, or (without one) the list of them all. */
  function linkFor(member: Member, locale: Locale, conversationId?: number): string {
    const query = conversationId === undefined ? '' : `?c=${conversationId}`;
    if (member.kind === 'admin') return `${strapi.config.get('admin.absoluteUrl') as string}/plugins/messages${query}`;
    return storefrontLink(strapi, locale, `/messages${query}`);
  }

  return {
    /** Sends the summaries due at `now`; returns how many were sent. */
    async sendDue(now = new Date()): Promise<number> {
      const summaries = getService('conversation.summaries');
      const awaySince = new Date(now.getTime() - AWAY_MINUTES * 60_000);
      const byMember = new Map<string, { member: Member; conversations: { conversationId: number; lastRead: number; unread: number; latest: number }[] }>();
      for (const p of await store.unreadParticipations()) {
        const key = `${p.member.kind}:${p.member.id}`;
        const entry = byMember.get(key) ?? { member: p.member, conversations: [] };
        entry.conversations.push({ conversationId: p.conversationId, lastRead: p.lastRead, unread: p.unread, latest: p.latest });
        byMember.set(key, entry);
      }
      let sent = 0;
      for (const { member, conversations } of byMember.values()) {
        if (!(await store.claimSummary(member, now, awaySince))) continue;
        const recipient = await recipientOf(member);
        if (!recipient) continue;
        const { to, locale } = recipient;
        const sections: SummarySection[] = [];
        const newestFirst = conversations.sort((a, b) => b.latest - a.latest);
        const total = newestFirst.reduce((sum, { unread }) => sum + unread, 0);
        const rest = newestFirst.slice(SHOWN_CONVERSATIONS);
        const others = rest.length > 0 ? { conversations: rest.length, unread: rest.reduce((sum, { unread }) => sum + unread, 0), link: linkFor(member, locale) } : null;
        for (const { conversationId, lastRead, unread } of newestFirst.slice(0, SHOWN_CONVERSATIONS)) {
          const conversation = await summaries.get(member, conversationId);
          const latest = (await summaries.history(member, conversationId, { limit: SHOWN_PER_CONVERSATION })).filter((m) => m.id > lastRead).reverse();
          sections.push({
            names: conversation.with.map((m: ChatMember) => m.name).join(', ') || 'Ventalis',
            order: conversation.order,
            quote: conversation.quote,
            unread,
            lines: latest.map((m) => `  ${m.sender?.name ?? 'Ventalis'}: ${excerpt(m.sender ? m.body : shopComment(locale, m.body))}`),
            more: Math.max(0, unread - latest.length),
            link: linkFor(member, locale, conversationId),
          });
        }
        const self = await getService('conversation.members').describe(member);
        await getService('account.mail').send({ to, locale, ...chatSummaryMail[locale](self?.name ?? null, total, sections, others, AWAY_MINUTES) });
        sent += 1;
      }
      return sent;
    },
  };
};
