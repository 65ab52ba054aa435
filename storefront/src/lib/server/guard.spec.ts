import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { inLocale } from '../testing/locale.ts';
import { CmsError } from './cms.ts';
import { found, requireRole } from './guard.ts';
import type { SessionUser } from './session.ts';

const customer: SessionUser = { id: 7, email: 'claire@maison-lavande.example', role: 'customer', name: 'Claire Dubois' };
const consultant: SessionUser = { id: 3, email: 'camille@ventalis.example', role: 'consultant', name: 'Camille Martin' };
const tokens = { jwt: 'access', refreshToken: 'refresh' };

const event = (user: SessionUser | null, url: string, method = 'GET') => ({
  locals: { user, tokens: user ? tokens : null, preview: false },
  url: new URL(url),
  request: new Request(url, { method }),
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (caught) {
    return caught;
  }
  throw new Error('expected a throw');
}

describe('requireRole', () => {
  it('hands the page the person and their token when the role matches', () => {
    expect(requireRole(event(customer, 'http://shop.test/cart'), 'customer')).toEqual({ user: customer, jwt: 'access' });
  });

  it('sends a visitor to login, and back to the page with its query afterwards', () => {
    const caught = thrown(() => requireRole(event(null, 'http://shop.test/orders?scope=completed'), 'customer'));
    expect(isRedirect(caught) && caught.location).toBe('/fr/login?redirectTo=%2Forders%3Fscope%3Dcompleted');
    // The login page in the language of the page the person was reading.
    const english = inLocale('en', () => thrown(() => requireRole(event(null, 'http://shop.test/en/orders'), 'customer')));
    expect(isRedirect(english) && english.location).toBe('/en/login?redirectTo=%2Fen%2Forders');
  });

  it('after a form post, brings the visitor back to the page rather than the action', () => {
    const caught = thrown(() => requireRole(event(null, 'http://shop.test/cart?/remove', 'POST'), 'customer'));
    expect(isRedirect(caught) && caught.location).toBe('/fr/login?redirectTo=%2Fcart');
  });

  it('refuses a consultant page to a customer, and a customer page to a consultant, with 403', () => {
    const toCustomer = thrown(() => requireRole(event(customer, 'http://shop.test/consultant'), 'consultant'));
    const toConsultant = thrown(() => requireRole(event(consultant, 'http://shop.test/cart'), 'customer'));
    expect(isHttpError(toCustomer, 403)).toBe(true);
    expect(isHttpError(toConsultant, 403)).toBe(true);
  });
});

describe('found', () => {
  it("turns the cms' 404 into this site's 404 with the page's message", async () => {
    const caught = await found(Promise.reject(new CmsError(404, 'No order of yours has this reference')), 'No order of yours has this reference').catch((e: unknown) => e);
    expect(isHttpError(caught, 404) && caught.body.message).toBe('No order of yours has this reference');
  });

  it("says the same of someone else's record the cms refuses with 403", async () => {
    const caught = await found(Promise.reject(new CmsError(403, 'Forbidden')), 'No client of yours has this number').catch((e: unknown) => e);
    expect(isHttpError(caught, 404) && caught.body.message).toBe('No client of yours has this number');
  });

  it('sends a person whose session the cms no longer accepts to login', async () => {
    const caught = await found(Promise.reject(new CmsError(401, 'Unauthorized')), 'x', new URL('http://shop.test/orders/VT-1')).catch((e: unknown) => e);
    expect(isRedirect(caught) && caught.location).toBe('/fr/login?redirectTo=%2Forders%2FVT-1');
  });

  it('lets other failures through', async () => {
    const failure = new CmsError(500, 'boom');
    await expect(found(Promise.reject(failure), 'x')).rejects.toBe(failure);
  });
});
