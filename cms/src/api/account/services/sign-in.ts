import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { refusal } from '@ventalis/contracts';
import { refused } from '../../../utils/validation';

const USER = 'plugin::users-permissions.user';

/**
 * Sign-in with a password, as Strapi's accounts plugin does it, minus what told outsiders
 * which emails have an account: Strapi answers at once for an unknown identifier but
 * compares a bcrypt hash (tens of milliseconds) for a known one.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.plugin('users-permissions').service('user');
  // A hash made like the accounts' own (same bcrypt cost), to compare attempts on no account against.
  let decoyHash: Promise<string> | undefined;

  return {
    /** Refuses an identifier with no local password after the time a wrong password takes, with Strapi's own answer. */
    async refuseUnknownAccount(identifier: string, password: string): Promise<void> {
      const user = await strapi.db.query(USER).findOne({
        where: { provider: 'local', $or: [{ email: identifier.toLowerCase() }, { username: identifier }] },
        select: ['id', 'password'],
      });
      if (user?.password) return;
      decoyHash ??= users()
        .ensureHashedPasswords({ password: randomBytes(16).toString('hex') })
        .then((values: { password: string }) => values.password);
      await users().validatePassword(password, await decoyHash);
      throw refused(refusal('auth.invalid_credentials', 'Invalid identifier or password'));
    },
  };
};
