import type { Core } from '@strapi/strapi';
import type { LimitName } from './services/rate-limit';

/** How global::rate-limit counts one route's attempts (see src/middlewares/rate-limit.ts). */
interface RouteLimits {
  perAddress: LimitName;
  perAccount?: boolean;
  signIn?: boolean;
}
interface Route {
  handler: unknown;
  config?: { middlewares?: unknown[] };
}

const SIGN_IN: RouteLimits = { perAddress: 'authPerAddress', perAccount: true, signIn: true };
/** Requests about an account named in the body (mail is sent to it). */
const ACCOUNT_REQUEST: RouteLimits = { perAddress: 'authPerAddress', perAccount: true };
/** Requests carrying a single-use code rather than an account. */
const WITH_CODE: RouteLimits = { perAddress: 'authPerAddress' };

/** The storefront's accounts (users-permissions routes, by handler). */
export const STOREFRONT_AUTH_LIMITS: Record<string, RouteLimits> = {
  'auth.callback': SIGN_IN,
  'auth.register': ACCOUNT_REQUEST,
  'auth.forgotPassword': ACCOUNT_REQUEST,
  'auth.resetPassword': WITH_CODE,
  'auth.sendEmailConfirmation': ACCOUNT_REQUEST,
};

/** The admin panel's accounts: the same limits, on the same counters, as the storefront's. */
export const PANEL_AUTH_LIMITS: Record<string, RouteLimits> = {
  'authentication.login': SIGN_IN,
  'authentication.registerAdmin': ACCOUNT_REQUEST,
  'authentication.forgotPassword': ACCOUNT_REQUEST,
  'authentication.register': WITH_CODE,
  'authentication.resetPassword': WITH_CODE,
};

/** Strapi's own limits on these routes count in one process's memory: ours replace them. */
const REPLACED = new Set(['admin::rateLimit', 'plugin::email.rateLimit', 'plugin::users-permissions.rateLimit']);

/** Puts the rate limit on each listed route, in place (Strapi shares the route objects). */
export function limitRoutes(routes: Route[], limits: Record<string, RouteLimits>, scopePrefix = '') {
  for (const route of routes) {
    const found = typeof route.handler === 'string' ? limits[route.handler] : undefined;
    if (!found) continue;
    // The route objects outlive one Strapi instance (module cache): never add ours twice.
    const others = (route.config?.middlewares ?? []).filter((middleware) => {
      const name = typeof middleware === 'string' ? middleware : (middleware as { name?: unknown }).name;
      return name !== 'global::rate-limit' && !REPLACED.has(String(name));
    });
    route.config = {
      ...route.config,
      middlewares: [...others, { name: 'global::rate-limit', config: { scope: `${scopePrefix}${route.handler}`, ...found } }],
    };
  }
}

/** The panel's sign-in routes, before Strapi registers them (call from register()). */
export function limitPanelAuthentication(strapi: Core.Strapi) {
  const routers = (strapi.admin as unknown as { routes: Record<string, { routes: Route[] }> }).routes;
  for (const router of Object.values(routers)) limitRoutes(router.routes, PANEL_AUTH_LIMITS, 'admin.');
}
