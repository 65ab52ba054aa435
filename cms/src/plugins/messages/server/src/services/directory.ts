import type { Core } from '@strapi/strapi';
import type { ChatMember } from '@ventalis/contracts';
import type { Member } from '../../../../../api/conversation/services/chat';

const USER = 'plugin::users-permissions.user';
const ADMIN = 'admin::user';
/** The panel's Super Admin role: Ventalis' administrators. */
export const ADMINISTRATOR_ROLE = 'strapi-super-admin';

export const isAdministrator = (user: { roles?: { code: string }[] } | undefined) => Boolean(user?.roles?.some((role) => role.code === ADMINISTRATOR_ROLE));

type Row = Record<string, any>;
const fullName = (first: unknown, last: unknown) => `${first ?? ''} ${last ?? ''}`.trim();

/**
 * Whom an administrator may start a conversation with: anyone (SPEC), that is every active
 * consultant and customer, and the other administrators. Members appear as the chat
 * service describes them; the service itself still decides when a conversation starts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const usersWhere = { blocked: false, role: { type: { $in: ['consultant', 'customer'] } } };
  const administratorsWhere = (me: Member) => ({ isActive: true, blocked: false, roles: { code: ADMINISTRATOR_ROLE }, id: { $ne: me.kind === 'admin' ? me.id : 0 } });

  const asUser = (user: Row): ChatMember => {
    const role = user.role.type as 'customer' | 'consultant';
    return { kind: 'user', id: user.id, name: fullName(user.firstName, user.lastName), role, company: role === 'customer' ? (user.companyName ?? null) : null };
  };
  const asAdministrator = (admin: Row): ChatMember => ({ kind: 'admin', id: admin.id, name: fullName(admin.firstname, admin.lastname), role: 'administrator', company: null });

  return {
    /** Consultants, then customers by company, then the other administrators. */
    async contactsFor(me: Member): Promise<ChatMember[]> {
      const [users, admins]: Row[][] = await Promise.all([
        strapi.db.query(USER).findMany({
          where: usersWhere,
          select: ['id', 'firstName', 'lastName', 'companyName'],
          populate: { role: { select: ['type'] } },
          orderBy: [{ companyName: 'asc' }, { lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
        }),
        strapi.db.query(ADMIN).findMany({ where: administratorsWhere(me), select: ['id', 'firstname', 'lastname'], orderBy: [{ lastname: 'asc' }, { id: 'asc' }] }),
      ]);
      const members = users.map(asUser);
      return [...members.filter((m) => m.role === 'consultant'), ...members.filter((m) => m.role === 'customer'), ...admins.map(asAdministrator)];
    },

    /** Whether this member is in my directory. */
    async lists(me: Member, contact: Member): Promise<boolean> {
      const found =
        contact.kind === 'user'
          ? await strapi.db.query(USER).count({ where: { ...usersWhere, id: contact.id } })
          : await strapi.db.query(ADMIN).count({ where: { $and: [administratorsWhere(me), { id: contact.id }] } });
      return found > 0;
    },
  };
};
