/**
 * Who may open a page or submit its forms. Every load and every action of a customer or
 * consultant page starts here: layouts do not run before actions, so each guards itself.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { wordRefusal } from '../errors.ts';
import { m } from '../paraglide/messages.js';
import { loginHref } from '../redirect.ts';
import { CmsError } from './cms.ts';
import type { SessionUser } from './session.ts';

type Role = SessionUser['role'];

interface GuardedEvent {
  locals: App.Locals;
  url: URL;
  request: Request;
}

const REFUSALS: Record<Role, () => string> = {
  customer: m.error_customers_only,
  consultant: m.error_consultants_only,
};

/** The signed-in person with this role (any storefront role when none is named) and their cms token; else to login (and back), or 403. */
export function requireRole(event: GuardedEvent, role?: Role): { user: SessionUser; jwt: string } {
  const { user, tokens } = event.locals;
  if (!user || !tokens) {
    // After a form post, come back to the page, not to the action's address.
    const back = event.request.method === 'GET' ? event.url : { pathname: event.url.pathname, search: '' };
    redirect(303, loginHref(back));
  }
  if (role && user.role !== role) error(403, REFUSALS[role]());
  return { user, jwt: tokens.jwt };
}

/**
 * Someone else's record (the cms answers 404, or 403 from an ownership policy) becomes this
 * site's 404 page, which says no more than that there is nothing of yours there; a revoked
 * session, a new login.
 */
export async function found<T>(promise: Promise<T>, message: string, url?: URL): Promise<T> {
  try {
    return await promise;
  } catch (failure) {
    if (failure instanceof CmsError && (failure.status === 404 || failure.status === 403)) error(404, message);
    if (failure instanceof CmsError && failure.status === 401 && url) redirect(303, loginHref(url));
    throw failure;
  }
}

/**
 * A refusal the cms explains (400, 404, 409) → the form's errors in the page's language,
 * keeping what was typed; anything else (a 5xx, the cms down) goes to the error page.
 */
export function refusal<V, E extends object = object>(failure: unknown, values: V, extra?: E) {
  if (failure instanceof CmsError && failure.status >= 400 && failure.status < 500 && failure.status !== 401 && failure.status !== 403) {
    return fail(failure.status, { ...(extra as E), errors: wordRefusal(failure.message, { ...failure.codes, errors: failure.fieldErrors }), values });
  }
  throw failure;
}
