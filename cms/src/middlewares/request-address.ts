import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { textProblem, type CodedError } from '@ventalis/contracts';

interface RouteWithQuery {
  method?: string;
  path?: string;
  request?: { query?: Record<string, unknown> };
  config?: { middlewares?: unknown[] };
}

/** Longer than any slug, reference or id the shop issues. */
const PARAM_MAX_LENGTH = 200;

/**
 * The address of a request, before anything reads it:
 * - a query parameter the route does not declare (`request.query`, the shared schema's
 *   shape) is refused with a 400 naming it: Strapi's own `filters`, `populate`, `fields`…
 *   would otherwise be silently ignored by our controllers. Declared ones are then
 *   validated by the controller with the same schema;
 * - a path parameter that no slug, reference or id could be (control characters, half an
 *   emoji, thousands of characters) names nothing: 404, before a database is asked (a NUL
 *   makes PostgreSQL fail the query).
 */
export const checkRequestAddress = async (ctx: Context, next: () => Promise<void>) => {
  const declared = Object.keys((ctx.state.route as RouteWithQuery | undefined)?.request?.query ?? {});
  const unknown = Object.keys(ctx.query).filter((key) => !declared.includes(key));
  if (unknown.length > 0) {
    const accepted = declared.length > 0 ? `this address accepts only ${declared.join(', ')}` : 'this address accepts none';
    const message = `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: ${accepted}`;
    const coded: CodedError =
      declared.length > 0 ? { code: 'request.unknown_parameters', params: { names: unknown.join(', '), accepted: declared.join(', ') } } : { code: 'request.no_parameters_accepted', params: { names: unknown.join(', ') } };
    throw new errors.ValidationError(message, {
      ...coded,
      errors: Object.fromEntries(unknown.map((key) => [key, `Unknown query parameter: ${accepted}`])),
      codes: Object.fromEntries(unknown.map((key) => [key, coded])),
    });
  }
  const params = Object.values((ctx.params ?? {}) as Record<string, unknown>);
  if (params.some((value) => typeof value === 'string' && (value.length > PARAM_MAX_LENGTH || textProblem('', value, 'single-line')))) {
    throw new errors.NotFoundError('Nothing has this address', { code: 'request.not_found' });
  }
  return next();
};

/** The accounts plugin's routes the storefront writes to: they take a body, never a query. */
const ACCOUNT_WRITES = ['/auth/local', '/auth/local/register', '/auth/forgot-password', '/auth/reset-password', '/auth/send-email-confirmation', '/auth/refresh', '/auth/logout'];

/**
 * Puts the check first on every route of the public and customer API (src/api) and on
 * the accounts plugin's writes, so that no route can forget it. Runs at register time,
 * before Strapi builds its router from these route lists.
 */
export function checkRequestAddresses(strapi: Core.Strapi) {
  const guard = (route: RouteWithQuery) => {
    route.config = { ...route.config, middlewares: [checkRequestAddress, ...(route.config?.middlewares ?? [])] };
  };
  for (const api of Object.values(strapi.apis) as { routes: Record<string, { routes?: RouteWithQuery[] }> }[]) {
    for (const router of Object.values(api.routes)) router.routes?.forEach(guard);
  }
  const accounts = strapi.plugin('users-permissions').routes as unknown as Record<string, { routes: RouteWithQuery[] }>;
  accounts['content-api']?.routes.filter((route) => route.method === 'POST' && ACCOUNT_WRITES.includes(route.path ?? '')).forEach(guard);
}

export default () => checkRequestAddress;
