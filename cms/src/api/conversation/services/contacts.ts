import type { Core } from '@strapi/strapi';
import type { ChatMember } from '@ventalis/contracts';
import { getService } from '../../../utils/services';
import { ADMINISTRATORS } from '../../../utils/administrators';
import { ADMIN, USER, sameMember, type Member, type Row } from '../model';
import { MEMBER_USER_FIELDS, MEMBER_USER_POPULATE, userAsMember } from './members';

/**
 * The contact rules of the shop: a customer talks with their consultant and with
 * administrators; a consultant with their clients, other consultants and administrators;
 * an administrator with anyone.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const members = () => getService('conversation.members');

  return {
    async mayContact(a: ChatMember, b: ChatMember): Promise<boolean> {
      if (sameMember(a, b)) return false;
      if (a.role === 'administrator' || b.role === 'administrator') return true;
      if (a.role === 'consultant' && b.role === 'consultant') return true;
      if (a.role === 'customer' && b.role === 'consultant') return (await members().consultantUserOf(a.id)) === b.id;
      if (a.role === 'consultant' && b.role === 'customer') return (await members().consultantUserOf(b.id)) === a.id;
      return false;
    },

    /** The people I may start a conversation with. */
    async contactsOf(me: Member): Promise<ChatMember[]> {
      const self = await members().describe(me);
      if (!self) return [];
      const admins: Row[] = await strapi.db.query(ADMIN).findMany({ where: ADMINISTRATORS, select: ['id'], orderBy: [{ lastname: 'asc' }, { id: 'asc' }] });
      const others = (candidates: Member[]) => Promise.all(candidates.filter((c) => !sameMember(c, me)).map((c) => members().describe(c))).then((found) => found.filter((m): m is ChatMember => m !== null));
      const administrators = await others(admins.map((a): Member => ({ kind: 'admin', id: a.id })));
      if (self.role === 'administrator') {
        // Anyone: every consultant, then every customer by company, then the other administrators.
        const users: Row[] = await strapi.db.query(USER).findMany({
          where: { blocked: false, role: { type: { $in: ['consultant', 'customer'] } } },
          select: MEMBER_USER_FIELDS,
          populate: MEMBER_USER_POPULATE,
          orderBy: [{ company: { legalName: 'asc' } }, { lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
        });
        const described = users.map(userAsMember);
        return [...described.filter((m) => m.role === 'consultant'), ...described.filter((m) => m.role === 'customer'), ...administrators];
      }
      if (self.role === 'customer') {
        const consultant = await members().consultantUserOf(self.id);
        return [...(consultant ? await others([{ kind: 'user', id: consultant }]) : []), ...administrators];
      }
      const consultantId = await members().consultantIdOf(self.id);
      const users: Row[] = await strapi.db.query(USER).findMany({
        where: { blocked: false, $or: [{ role: { type: 'consultant' } }, ...(consultantId ? [{ consultant: { id: consultantId }, role: { type: 'customer' } }] : [])] },
        select: ['id'],
        orderBy: { id: 'asc' },
      });
      return [...(await others(users.map((u): Member => ({ kind: 'user', id: u.id })))), ...administrators];
    },
  };
};
