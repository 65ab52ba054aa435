import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Registration } from '@ventalis/contracts';
import { fieldError } from '../../../utils/validation';
import { getService } from '../../../utils/services';
import { isCommonPassword } from './common-passwords';
import { accountLocale, storefrontLink } from '../../../utils/locale';
import { refusal } from '@ventalis/contracts';
import { inBackground } from '../../../utils/background';

export const CUSTOMER_ROLE = 'customer';
export const CONSULTANT_ROLE = 'consultant';

export async function findRoleId(strapi: Core.Strapi, type: string): Promise<number> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type }, select: ['id'] });
  if (!role) throw new Error(`The users-permissions role "${type}" is missing`);
  return role.id;
}

export async function emailIsTaken(strapi: Core.Strapi, email: string): Promise<boolean> {
  const lower = email.toLowerCase();
  const [user, consultant] = await Promise.all([
    strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: { $eqi: lower } }, select: ['id'] }),
    strapi.db.query('api::consultant.consultant').findOne({ where: { email: { $eqi: lower } }, select: ['id'] }),
  ]);
  return Boolean(user || consultant);
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Creates a Customer account from a validated registration with its company (a new one,
   * which gets the least loaded consultant, or a request to join the one that has this SIRET),
   * and mails the confirmation link once everything is stored.
   * An email that already has an account gets the same answer (nobody learns who has an
   * account) and its owner a mail pointing to "forgot password"; nothing is written.
   * Returns the new account, or null when the email already had one.
   */
  async register(input: Registration): Promise<{ id: number; email: string } | null> {
    if (isCommonPassword(input.password)) {
      throw fieldError('password', refusal('password.too_common', 'This password is among the most common ones: choose another'));
    }
    if (await emailIsTaken(strapi, input.email)) {
      // Hashing the password, as for a new account, keeps this answer as slow as a real registration's.
      await strapi.plugin('users-permissions').service('user').ensureHashedPasswords({ password: input.password });
      // The owner reads the warning in their own account's language, not the caller's.
      const owner = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: { $eqi: input.email.toLowerCase() } }, select: ['language'] });
      const locale = accountLocale(owner);
      getService('account.mail').registrationAttempt(input.email.toLowerCase(), locale, storefrontLink(strapi, locale, '/forgot-password'));
      return null;
    }
    const roleId = await findRoleId(strapi, CUSTOMER_ROLE);

    const user = await strapi.db.transaction(async () => {
      const created = await strapi.plugin('users-permissions').service('user').add({
        username: input.email,
        email: input.email,
        password: input.password,
        provider: 'local',
        confirmed: false,
        blocked: false,
        role: roleId,
        firstName: input.firstName,
        lastName: input.lastName,
        phone: input.phone,
        language: input.locale,
      });
      const enrolment = await getService('company.companies').enrol(created.id, { legalName: input.companyName, siret: input.siret, vatNumber: input.vatNumber, billingAddress: input.billingAddress });
      if (enrolment.joined === 'requested') await getService('company.members').announceJoinRequest(enrolment.companyId, created.id);
      return created;
    });

    // The token is stored first, then the mail goes out; a failed mail can be re-sent.
    try {
      await this.sendConfirmation(user);
    } catch (error) {
      strapi.log.error(`Confirmation mail to ${user.email} failed: ${String(error)}`);
    }
    return user as { id: number; email: string };
  },

  /** A new confirmation link for an unconfirmed account; nothing for any other email. */
  async resendConfirmation(email: string): Promise<void> {
    const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: { $eqi: email } } });
    if (!user || user.confirmed || user.blocked) return;
    inBackground(`The confirmation mail to ${user.email}`, () => this.sendConfirmation(user));
  },

  /**
   * A new confirmation link, mailed in the account's language (the accounts plugin's own mail
   * has one template for everyone). The link is the plugin's confirmation route, which then
   * sends the person to the storefront's page in their language (see the users-permissions extension).
   */
  async sendConfirmation(user: { id: number; email: string; language?: unknown }): Promise<void> {
    const token = randomBytes(20).toString('hex');
    await strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { confirmationToken: token } });
    const server = String(strapi.config.get('server.absoluteUrl')).replace(/\/+$/, '');
    const prefix = (strapi.config.get('api.rest.prefix') as string | undefined) ?? '/api';
    const link = `${server}${prefix}/auth/email-confirmation?confirmation=${token}`;
    await getService('account.mail').emailConfirmation(user.email, accountLocale(user), link);
  },
});
