import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { forgotPasswordSchema, loginSchema, registrationSchema, resetPasswordSchema } from '@ventalis/contracts';
import { parseInput } from '../../utils/validation';
import { getService } from '../../utils/services';
import { limitRoutes, STOREFRONT_AUTH_LIMITS } from '../../api/account/auth-limits';
import { accountLocale, storefrontLink } from '../../utils/locale';

type Controller = (ctx: Context) => Promise<unknown>;
type Factory<T> = (deps: { strapi: Core.Strapi }) => T;
interface Route {
  handler: string;
  request?: unknown;
  config?: { middlewares?: unknown[] };
}
interface PermissionService {
  findRolePermissions: (roleId: number) => Promise<unknown[]>;
  findPublicPermissions: () => Promise<unknown[]>;
  clearPermissionCache?: () => void;
}
interface Plugin {
  controllers: { auth: Factory<Record<string, Controller>> };
  services: {
    jwt: Factory<{ verify: (token: string) => Promise<{ id: number | string; sessionId?: string }> }>;
    permission: Factory<PermissionService>;
  };
  routes: { 'content-api': { routes: Route[] } };
}

const PERMISSION_CACHE_MS = 5000;
/** Routes whose bodies Ventalis validates itself with the shared schemas. */
const OWN_VALIDATION = ['auth.register', 'auth.forgotPassword', 'auth.resetPassword', 'auth.sendEmailConfirmation'];

/**
 * The plugin object outlives one Strapi instance (Node's module cache: a test worker boots
 * several in turn), so each factory wraps the plugin's own, never a wrapper of a previous boot.
 */
const ORIGINAL = Symbol.for('ventalis.users-permissions.original');
const originalOf = <T extends object>(factory: T): T => ((factory as { [ORIGINAL]?: T })[ORIGINAL] ?? factory);
const wrapping = <T extends object>(original: T, wrapper: T): T => Object.assign(wrapper, { [ORIGINAL]: original });

/** What Ventalis changes in Strapi's accounts plugin. */
export default (plugin: Plugin) => {
  const baseAuth = originalOf(plugin.controllers.auth);
  plugin.controllers.auth = wrapping(baseAuth, ({ strapi }) => {
    const base = baseAuth({ strapi });
    return {
      ...base,

      async callback(ctx) {
        if (!ctx.params.provider || ctx.params.provider === 'local') {
          const { password } = parseInput(loginSchema, ctx.request.body);
          // Strapi's own lookup uses the identifier as sent.
          await getService('account.sign-in').refuseUnknownAccount(String((ctx.request.body as { identifier: string }).identifier), password);
        }
        return base.callback(ctx);
      },

      /** Professional registration: a Customer, never a chosen role, consultant or state. */
      async register(ctx) {
        const registration = parseInput(registrationSchema, ctx.request.body);
        await getService('account.registration').register(registration);
        // The same answer whether the email was free or not: no id, nothing read back.
        ctx.status = 201;
        ctx.body = { user: { email: registration.email.toLowerCase(), confirmed: false }, emailConfirmationSent: true };
      },

      async forgotPassword(ctx) {
        const { email } = parseInput(forgotPasswordSchema, ctx.request.body);
        await getService('account.password-reset').requestReset(email);
        ctx.body = { ok: true };
      },

      /** Sends the confirmation link again; like "forgot password", never tells whether the email exists. */
      async sendEmailConfirmation(ctx) {
        const { email } = parseInput(forgotPasswordSchema, ctx.request.body);
        await getService('account.registration').resendConfirmation(email);
        ctx.body = { ok: true };
      },

      /** The confirmation link of the mail: confirms, then opens the storefront's page in the account's language. */
      async emailConfirmation(ctx, next?: unknown, returnUser?: unknown) {
        const token = ctx.query.confirmation;
        const user =
          typeof token === 'string' && /^[a-f0-9]{40}$/.test(token)
            ? await strapi.db.query('plugin::users-permissions.user').findOne({ where: { confirmationToken: token }, select: ['language'] })
            : null;
        await (base.emailConfirmation as (ctx: Context, next?: unknown, returnUser?: unknown) => Promise<unknown>)(ctx, next, returnUser);
        if (user && ctx.status === 302) ctx.redirect(storefrontLink(strapi, accountLocale(user), '/account/confirmed'));
      },

      async resetPassword(ctx) {
        const { code, password } = parseInput(resetPasswordSchema, ctx.request.body);
        await getService('account.password-reset').resetPassword(code, password);
        ctx.body = { ok: true };
      },
    };
  });

  // An access token stays valid only while its session does: a password reset or a
  // blocked account ends every session at once, not when the token expires. The user
  // itself is loaded (and checked for blocked/confirmed) once, by the strategy.
  const baseJwt = originalOf(plugin.services.jwt);
  plugin.services.jwt = wrapping(baseJwt, ({ strapi }) => {
    const service = baseJwt({ strapi });
    const verify = service.verify.bind(service);
    service.verify = async (token) => {
      if (strapi.config.get('plugin::users-permissions.jwtManagement') !== 'refresh') return verify(token);
      const sessions = strapi.sessionManager('users-permissions');
      const result = sessions.validateAccessToken(token);
      if (!result.isValid || result.payload.type !== 'access') throw new Error('Invalid token');
      const { userId, sessionId } = result.payload as { userId: string; sessionId: string };
      if (!(await sessions.isSessionActive(sessionId))) throw new Error('Session ended');
      return { id: Number(userId) || userId, sessionId };
    };
    return service;
  });

  // A role's permissions are read on every request: keep them a few seconds, and drop
  // them at once when a permission or role changes on this process (see src/index.ts).
  const basePermission = originalOf(plugin.services.permission);
  plugin.services.permission = wrapping(basePermission, ({ strapi }) => {
    const service = basePermission({ strapi });
    const cache = new Map<string, { value: Promise<unknown[]>; expiresAt: number }>();
    const cached = (key: string, load: () => Promise<unknown[]>) => {
      const hit = cache.get(key);
      if (hit && hit.expiresAt > Date.now()) return hit.value;
      const value = load();
      cache.set(key, { value, expiresAt: Date.now() + PERMISSION_CACHE_MS });
      value.catch(() => cache.delete(key));
      return value;
    };
    const findRolePermissions = service.findRolePermissions.bind(service);
    const findPublicPermissions = service.findPublicPermissions.bind(service);
    service.findRolePermissions = (roleId) => cached(`role:${roleId}`, () => findRolePermissions(roleId));
    service.findPublicPermissions = () => cached('public', () => findPublicPermissions());
    service.clearPermissionCache = () => cache.clear();
    return service;
  });

  // The routes are built once and shared: adjust them in place.
  limitRoutes(plugin.routes['content-api'].routes, STOREFRONT_AUTH_LIMITS);
  for (const route of plugin.routes['content-api'].routes) {
    if (OWN_VALIDATION.includes(route.handler)) delete route.request;
  }

  return plugin;
};
