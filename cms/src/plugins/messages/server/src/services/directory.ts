import type { Core } from '@strapi/strapi';
import type { Member } from '../../../../../api/conversation/model';
import { ADMINISTRATORS } from '../../../../../utils/administrators';

const USER = 'plugin::users-permissions.user';
const ADMIN = 'admin::user';

/**
 * Whom an administrator may start a conversation with: anyone (SPEC), that is every active
 * consultant and customer, and the other administrators (the list itself is the chat
 * service's contactsOf). Anyone else is answered "no such person" (404).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Whether this member is in my directory. */
  async lists(me: Member, contact: Member): Promise<boolean> {
    const found =
      contact.kind === 'user'
        ? await strapi.db.query(USER).count({ where: { blocked: false, role: { type: { $in: ['consultant', 'customer'] } }, id: contact.id } })
        : await strapi.db.query(ADMIN).count({ where: { ...ADMINISTRATORS, id: { $eq: contact.id, $ne: me.kind === 'admin' ? me.id : 0 } } });
    return found > 0;
  },
});
