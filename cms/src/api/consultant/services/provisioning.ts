import { randomBytes, randomInt } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { getService } from '../../../utils/services';
import { CONSULTANT_ROLE, findRoleId } from '../../account/services/registration';
import { accountLocale, storefrontLink } from '../../../utils/locale';

const USER = 'plugin::users-permissions.user';
const CONSULTANT = 'api::consultant.consultant';
const ISSUED = 'api::consultant.issued-employee-number';
export const PANEL_CONSULTANT_ROLE = 'ventalis-consultant';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const INVITATION_TTL_MINUTES = 7 * 24 * 60;

export interface ConsultantRecord {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  blocked: boolean;
  adminUserId?: number | null;
  user?: { id: number } | null;
}

/**
 * A consultant is created once, in the panel; this service gives them the two accounts
 * they work with (storefront role Consultant, panel role Consultant) and keeps both in
 * step with the consultant entry.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** 5 characters A–Z/0–9, unique, never given twice (even after a deletion). */
  async nextEmployeeNumber(): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const number = Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      const taken = await strapi.db.query(ISSUED).findOne({ where: { number }, select: ['id'] });
      if (!taken) {
        await strapi.db.query(ISSUED).create({ data: { number } });
        return number;
      }
    }
    throw new Error('Could not find a free employee number');
  },

  async emailUsedByPanelAccount(email: string): Promise<boolean> {
    const admin = await strapi.db.query('admin::user').findOne({ where: { email: { $eqi: email } }, select: ['id'] });
    return Boolean(admin);
  },

  /** Creates both accounts for a new consultant; returns the mails to send once committed. */
  async provisionAccounts(consultant: ConsultantRecord): Promise<() => Promise<void>> {
    const storefrontRoleId = await findRoleId(strapi, CONSULTANT_ROLE);
    const storefrontUser = await strapi.plugin('users-permissions').service('user').add({
      username: consultant.email,
      email: consultant.email,
      // Unusable until the consultant chooses their own through the invitation link.
      password: randomBytes(32).toString('base64url'),
      provider: 'local',
      confirmed: true,
      blocked: consultant.blocked,
      role: storefrontRoleId,
      firstName: consultant.firstName,
      lastName: consultant.lastName,
    });
    const panelRole = await strapi.db.query('admin::role').findOne({ where: { code: PANEL_CONSULTANT_ROLE }, select: ['id'] });
    const panelUser = await strapi.service('admin::user').create({
      firstname: consultant.firstName,
      lastname: consultant.lastName,
      email: consultant.email,
      isActive: false,
      roles: panelRole ? [panelRole.id] : [],
    });
    await strapi.db.query(CONSULTANT).update({
      where: { id: consultant.id },
      data: { user: storefrontUser.id, adminUserId: panelUser.id },
    });
    const code = await getService('account.password-reset').issueCode(storefrontUser.id, INVITATION_TTL_MINUTES);
    const adminUrl = strapi.config.get('admin.absoluteUrl') as string;
    const panelLink = `${adminUrl}/auth/register?registrationToken=${panelUser.registrationToken}`;
    // A consultant's storefront account starts in French, the shop's language; they change it on their account page.
    const locale = accountLocale(storefrontUser);
    const passwordLink = storefrontLink(strapi, locale, `/reset-password?code=${code}`);
    return () => getService('account.mail').consultantInvitation(consultant.email, locale, consultant.firstName, panelLink, passwordLink);
  },

  /** Mirrors the consultant entry (name, email, blocked) on both accounts. */
  async syncAccounts(consultant: ConsultantRecord): Promise<void> {
    if (consultant.user?.id) {
      await strapi.db.query(USER).update({
        where: { id: consultant.user.id },
        data: { email: consultant.email, username: consultant.email, firstName: consultant.firstName, lastName: consultant.lastName, blocked: consultant.blocked },
      });
      if (consultant.blocked) {
        await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(consultant.user.id));
        getService('conversation.sessions').endSessions([{ kind: 'user', id: consultant.user.id }]);
      }
    }
    if (consultant.adminUserId) {
      const panelUser = await strapi.db.query('admin::user').findOne({ where: { id: consultant.adminUserId }, select: ['id', 'registrationToken'] });
      if (panelUser) {
        await strapi.db.query('admin::user').update({
          where: { id: panelUser.id },
          data: {
            firstname: consultant.firstName,
            lastname: consultant.lastName,
            email: consultant.email,
            // A panel account still waiting for its invitation to be used stays inactive.
            ...(consultant.blocked ? { isActive: false, blocked: true } : { blocked: false, ...(panelUser.registrationToken ? {} : { isActive: true }) }),
          },
        });
      }
    }
  },

  async removeAccounts(consultant: ConsultantRecord): Promise<void> {
    if (consultant.user?.id) {
      await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(consultant.user.id));
      await strapi.db.query(USER).delete({ where: { id: consultant.user.id } });
      getService('conversation.sessions').endSessions([{ kind: 'user', id: consultant.user.id }]);
    }
    if (consultant.adminUserId) {
      await strapi.db.query('admin::user').delete({ where: { id: consultant.adminUserId } });
    }
  },
});
