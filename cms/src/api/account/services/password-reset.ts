import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { fieldError } from '../../../utils/validation';
import { getService } from '../../../utils/services';
import { isCommonPassword } from './common-passwords';
import { accountLocale, storefrontLink } from '../../../utils/locale';
import { refusal } from '@ventalis/contracts';
import { inBackground } from '../../../utils/background';

const USER = 'plugin::users-permissions.user';
const digest = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * "Forgot password" for every storefront account. Only a digest of the code is stored;
 * the code works once, expires, and using it ends every session of the account.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Never tells whether the email exists: same answer, mail sent in the background. */
  async requestReset(email: string): Promise<void> {
    const user = await strapi.db.query(USER).findOne({ where: { email: { $eqi: email } }, select: ['id', 'email', 'blocked', 'language'] });
    if (!user || user.blocked) return;
    const ttlMinutes = strapi.config.get('ventalis.resetPasswordTtlMinutes') as number;
    const code = await this.issueCode(user.id, ttlMinutes);
    const locale = accountLocale(user);
    const link = storefrontLink(strapi, locale, `/reset-password?code=${code}`);
    inBackground(`The password reset mail to ${user.email}`, () => getService('account.mail').passwordReset(user.email, locale, link, ttlMinutes));
  },

  /** A fresh single-use code for the account, replacing any earlier one. */
  async issueCode(userId: number, ttlMinutes: number): Promise<string> {
    const code = randomBytes(32).toString('hex');
    await strapi.db.query(USER).update({
      where: { id: userId },
      data: { resetPasswordToken: digest(code), resetPasswordExpiresAt: new Date(Date.now() + ttlMinutes * 60_000) },
    });
    return code;
  },

  async resetPassword(code: string, password: string): Promise<void> {
    const user = await strapi.db.query(USER).findOne({
      where: { resetPasswordToken: digest(code), resetPasswordExpiresAt: { $gt: new Date() }, blocked: false },
      select: ['id', 'documentId'],
    });
    if (!user) {
      throw fieldError('code', refusal('password_reset.link_invalid', 'This reset link is invalid, already used or expired: ask for a new one'));
    }
    if (isCommonPassword(password)) {
      throw fieldError('password', refusal('password.too_common', 'This password is among the most common ones: choose another'));
    }
    await strapi.documents(USER).update({
      documentId: user.documentId,
      data: { password, resetPasswordToken: null, resetPasswordExpiresAt: null } as never,
    });
    await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(user.id));
  },
});
