import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { mintTicket } from '@ventalis/contracts/chat-ticket';
import { ADMINISTRATORS } from '../../../utils/administrators';
import { afterCommit } from '../../../utils/after-commit';
import { push } from '../../../utils/push';
import { ADMIN, USER, type Member } from '../model';
import { refusal } from '@ventalis/contracts';
import { forbidden } from '../../../utils/validation';

/**
 * A member's chat session: the tickets their sockets show, and the generation those tickets
 * carry. The generation is derived from what a password reset, a block or a deletion changes
 * (the password's hash, the account itself), so nothing has to remember to bump it: a ticket,
 * and every call of a socket opened with it, stops counting the moment the account changes.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get('ventalis.chat') as { secret: string; ticketSeconds: number; serverUrl: string };

  const service = {
    /** The member's current generation; null when they may not chat (gone, blocked, not a member). */
    async generationOf(member: Member): Promise<string | null> {
      const row =
        member.kind === 'admin'
          ? await strapi.db.query(ADMIN).findOne({ where: { id: member.id, ...ADMINISTRATORS }, select: ['id', 'password'] })
          : await strapi.db.query(USER).findOne({ where: { id: member.id, blocked: false, role: { type: { $in: ['customer', 'consultant'] } } }, select: ['id', 'password'] });
      if (!row) return null;
      return createHmac('sha256', settings().secret).update(`chat-session:${member.kind}:${member.id}:${row.password ?? ''}`).digest('base64url').slice(0, 22);
    },

    /** A one-socket, short-lived ticket for the signed-in member's current session. */
    async ticketFor(member: Member): Promise<{ ticket: string; expiresAt: string }> {
      const gen = await service.generationOf(member);
      if (!gen) throw forbidden(refusal('chat.not_available', 'Messages are not available to this account'));
      const { secret, ticketSeconds } = settings();
      const exp = Math.floor(Date.now() / 1000) + ticketSeconds;
      return { ticket: mintTicket({ kind: member.kind, id: member.id, exp, gen }, secret), expiresAt: new Date(exp * 1000).toISOString() };
    },

    /** The chat-server speaks for a socket: refused once the session its ticket was minted in has ended. */
    async assertCurrent(member: Member, generation: string): Promise<void> {
      // Strapi answers any UnauthorizedError with a bare 401: the chat-server words it for the member.
      if ((await service.generationOf(member)) !== generation) throw new errors.UnauthorizedError('Session ended', { code: 'auth.session_ended' });
    },

    /**
     * Closes the members' open sockets on every chat-server (once the change that ended their
     * sessions is committed: a socket reopening earlier would still see the old account).
     */
    endSessions(members: Member[]): void {
      const { serverUrl, secret } = settings();
      if (!serverUrl || members.length === 0) return;
      afterCommit(strapi, () => void push({ url: new URL('/internal/end-sessions', serverUrl).toString(), secret, what: 'Ending chat sessions', log: strapi.log }, { members }));
    },
  };
  return service;
};
