import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SIGNATURE_HEADER, verifyClientAddress } from '@ventalis/contracts/client-address';
import { CmsError, CmsUnavailableError, createCmsClient } from './cms.ts';

/** A stand-in cms on a real port: answers by path and counts what it was asked. */
let server: Server;
let baseUrl: string;
const hits: string[] = [];
let routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {};

const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const route = routes[`${req.method} ${req.url?.split('?')[0]}`];
    if (route) route(req, res);
    else json(404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } })(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  hits.length = 0;
  routes = {
    'GET /api/categories': json(200, { data: [{ name: 'Packaging', slug: 'packaging', description: null, image: null, parent: null, children: [] }] }),
    'GET /api/eco-labels': json(200, { data: [{ name: 'FSC', slug: 'fsc' }] }),
    'GET /api/products': json(200, { data: [], meta: { pagination: { page: 1, pageSize: 12, pageCount: 0, total: 0 } } }),
    'GET /api/account': json(200, { data: { role: 'customer', id: 7, email: 'a@b.example', firstName: 'Claire', lastName: 'Dubois' } }),
  };
});

function client(clock = { now: 1_000 }, options: { cacheTtlMs?: number; maxCacheEntries?: number } = {}) {
  return createCmsClient({ baseUrl, cacheTtlMs: 30_000, now: () => clock.now, ...options });
}

describe('the cms client cache', () => {
  it('reuses a catalogue answer until its time is up, then asks again', async () => {
    const clock = { now: 1_000 };
    const cms = client(clock);
    expect(await cms.listCategories()).toHaveLength(1);
    clock.now += 29_000;
    await cms.listCategories();
    expect(hits).toEqual(['GET /api/categories?locale=fr']);
    clock.now += 2_000;
    await cms.listCategories();
    expect(hits).toEqual(['GET /api/categories?locale=fr', 'GET /api/categories?locale=fr']);
  });

  it('sends one request for simultaneous identical reads', async () => {
    const cms = client();
    await Promise.all([cms.listEcoLabels(), cms.listEcoLabels(), cms.listEcoLabels()]);
    expect(hits).toEqual(['GET /api/eco-labels?locale=fr']);
  });

  it('keeps product lists per query, whatever the order of its fields', async () => {
    const cms = client();
    await cms.listProducts({ sort: 'name', page: 1, pageSize: 12, label: 'fsc' });
    await cms.listProducts({ label: 'fsc', pageSize: 12, page: 1, sort: 'name' });
    await cms.listProducts({ label: 'fsc', pageSize: 12, page: 2, sort: 'name' });
    expect(hits).toEqual(['GET /api/products?label=fsc&locale=fr&page=1&pageSize=12&sort=name', 'GET /api/products?label=fsc&locale=fr&page=2&pageSize=12&sort=name']);
  });

  it('derives a category from the cached list', async () => {
    const cms = client();
    expect((await cms.getCategory('packaging'))?.name).toBe('Packaging');
    expect(await cms.getCategory('unknown')).toBeNull();
    expect(hits).toEqual(['GET /api/categories?locale=fr']);
  });

  it('remembers that a product does not exist, for the same short time', async () => {
    const cms = client();
    expect(await cms.getProduct('no-such-product')).toBeNull();
    expect(await cms.getProduct('no-such-product')).toBeNull();
    expect(hits).toEqual(['GET /api/products/no-such-product?locale=fr']);
  });

  it('does not keep failures', async () => {
    let calls = 0;
    routes['GET /api/eco-labels'] = (req, res) => (++calls === 1 ? json(500, { error: { message: 'boom' } }) : json(200, { data: [] }))(req, res);
    const cms = client();
    await expect(cms.listEcoLabels()).rejects.toBeInstanceOf(CmsError);
    expect(await cms.listEcoLabels()).toEqual([]);
    expect(calls).toBe(2);
  });

  it('forgets everything when invalidated (the cms webhook)', async () => {
    const cms = client();
    await cms.listCategories();
    cms.invalidateCache();
    await cms.listCategories();
    expect(hits).toHaveLength(2);
  });

  it('forgets the least recently used answers beyond its size', async () => {
    const cms = client({ now: 0 }, { maxCacheEntries: 2 });
    await cms.listCategories();
    await cms.listEcoLabels();
    await cms.listCategories();
    await cms.getProduct('a');
    await cms.listCategories();
    await cms.listEcoLabels();
    expect(hits.filter((h) => h === 'GET /api/categories?locale=fr')).toHaveLength(1);
    expect(hits.filter((h) => h === 'GET /api/eco-labels?locale=fr')).toHaveLength(2);
  });

  it("asks for public content in the page's language, and keeps each language's answers apart", async () => {
    let locale: 'fr' | 'en' = 'en';
    const cms = createCmsClient({ baseUrl, cacheTtlMs: 30_000, now: () => 0, locale: () => locale });
    await cms.listCategories();
    await cms.getProduct('kraft-box');
    await cms.listProducts({ sort: 'name', page: 1, pageSize: 12 });
    await cms.getPage('home');
    locale = 'fr';
    await cms.listCategories();
    await cms.listCategories();
    expect(hits).toEqual([
      'GET /api/categories?locale=en',
      'GET /api/products/kraft-box?locale=en',
      'GET /api/products?locale=en&page=1&pageSize=12&sort=name',
      'GET /api/pages/home?locale=en',
      'GET /api/categories?locale=fr',
    ]);
  });

  it('finds a category by its slug in either language', async () => {
    routes['GET /api/categories'] = json(200, { data: [{ name: 'Emballages', slug: 'emballages', slugs: { fr: 'emballages', en: 'packaging' }, locale: 'fr', description: null, image: null, parent: null, children: [] }] });
    const cms = client();
    expect((await cms.getCategory('packaging'))?.name).toBe('Emballages');
    expect((await cms.getCategory('emballages'))?.name).toBe('Emballages');
  });

  it('can be turned off', async () => {
    const cms = client({ now: 0 }, { cacheTtlMs: 0 });
    await cms.listCategories();
    await cms.listCategories();
    expect(hits).toHaveLength(2);
  });

  it('never caches what belongs to a person', async () => {
    const cms = client();
    await cms.getAccount('token-a');
    await cms.getAccount('token-a');
    expect(hits).toEqual(['GET /api/account', 'GET /api/account']);
  });
});

describe('the cms client', () => {
  it('sends the access token and reads the account', async () => {
    let authorization: string | undefined;
    routes['GET /api/account'] = (req, res) => {
      authorization = req.headers.authorization;
      json(200, { data: { role: 'customer', id: 7 } })(req, res);
    };
    expect(await client().getAccount('abc')).toMatchObject({ role: 'customer', id: 7 });
    expect(authorization).toBe('Bearer abc');
  });

  it('answers null when the cms rejects the access token', async () => {
    routes['GET /api/account'] = json(401, { error: { status: 401, message: 'Missing or invalid credentials' } });
    expect(await client().getAccount('expired')).toBeNull();
  });

  it('turns a refused sign-in into an error with the cms message and fields', async () => {
    routes['POST /api/auth/local'] = json(400, { error: { status: 400, message: 'identifier: Email must be a valid address', details: { errors: { identifier: 'Email must be a valid address' } } } });
    const refused = await client().login({ identifier: 'x', password: 'y' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CmsError);
    expect(refused).toMatchObject({ status: 400, fieldErrors: { identifier: 'Email must be a valid address' } });
  });

  it('keeps the codes of a refusal, for the page to word them in its language', async () => {
    routes['POST /api/auth/local'] = json(400, {
      error: { status: 400, message: 'Invalid request', details: { code: 'locale.unknown', params: { n: 1 }, errors: { identifier: 'Email is invalid' }, codes: { identifier: { code: 'email.invalid' }, broken: 'x' } } },
    });
    const refused = (await client().login({ identifier: 'x', password: 'y' }).catch((e: unknown) => e)) as CmsError;
    expect(refused.codes).toEqual({ code: 'locale.unknown', params: { n: 1 }, codes: { identifier: { code: 'email.invalid', params: undefined } } });
    expect(refused.fieldErrors).toEqual({ identifier: 'Email is invalid' });
  });

  it('tells the cms the visitor address on sign-in, signed with the shared secret, never as X-Forwarded-For', async () => {
    let headers: IncomingMessage['headers'] = {};
    routes['POST /api/auth/local'] = (req, res) => {
      headers = req.headers;
      json(200, { jwt: 'j', refreshToken: 'r', user: { id: 1, email: 'a@b.example' } })(req, res);
    };
    const cms = createCmsClient({ baseUrl, cacheTtlMs: 0, clientAddressSecret: 'shared-secret' });
    expect(await cms.login({ identifier: 'a@b.example', password: 'p' }, '203.0.113.9')).toEqual({ jwt: 'j', refreshToken: 'r', user: { id: 1, email: 'a@b.example' } });
    // What the cms checks: the address, signed with its CLIENT_ADDRESS_SECRET, just now.
    expect(verifyClientAddress(headers[CLIENT_ADDRESS_HEADER], headers[CLIENT_ADDRESS_SIGNATURE_HEADER], 'shared-secret', Date.now() / 1000)).toBe('203.0.113.9');
    expect(verifyClientAddress(headers[CLIENT_ADDRESS_HEADER], headers[CLIENT_ADDRESS_SIGNATURE_HEADER], 'another-secret', Date.now() / 1000)).toBeNull();
    expect(headers['x-forwarded-for']).toBeUndefined();
  });

  it('signs the visitor address on every call the cms limits per address', async () => {
    const seen: (string | string[] | undefined)[] = [];
    for (const path of ['/api/auth/local/register', '/api/auth/forgot-password', '/api/auth/reset-password', '/api/auth/send-email-confirmation', '/api/inquiries']) {
      routes[`POST ${path}`] = (req, res) => {
        seen.push(verifyClientAddress(req.headers[CLIENT_ADDRESS_HEADER], req.headers[CLIENT_ADDRESS_SIGNATURE_HEADER], 's', Date.now() / 1000) ?? undefined);
        json(200, { ok: true })(req, res);
      };
    }
    const cms = createCmsClient({ baseUrl, cacheTtlMs: 0, clientAddressSecret: 's' });
    await cms.register({} as never, '2001:db8::1');
    await cms.forgotPassword('a@b.example', '2001:db8::1');
    await cms.resetPassword({ code: 'c', password: 'p', passwordConfirmation: 'p' }, '2001:db8::1');
    await cms.resendConfirmation('a@b.example', '2001:db8::1');
    await cms.submitInquiry({} as never, '2001:db8::1');
    expect(seen).toEqual(Array(5).fill('2001:db8::1'));
  });

  it('sends no address at all without the secret', async () => {
    let headers: IncomingMessage['headers'] = {};
    routes['POST /api/auth/forgot-password'] = (req, res) => {
      headers = req.headers;
      json(200, { ok: true })(req, res);
    };
    await client().forgotPassword('a@b.example', '203.0.113.9');
    expect(Object.keys(headers).filter((name) => name.startsWith('x-ventalis') || name.startsWith('x-forwarded'))).toEqual([]);
  });

  it('answers null for a refused refresh token', async () => {
    routes['POST /api/auth/refresh'] = json(401, { error: { status: 401, message: 'Invalid refresh token' } });
    expect(await client().refresh('old')).toBeNull();
  });

  it('sends a quick order as JSON when typed, and a CSV file as it is, in a multipart form', async () => {
    const seen: { type: string; body: Buffer }[] = [];
    routes['POST /api/cart/quick-order'] = (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ type: String(req.headers['content-type']), body: Buffer.concat(chunks) });
        json(200, { data: { cart: { lines: [], totals: {} }, added: [{ line: 1, sku: 'VT-BOX-S', quantity: 1000 }], refused: [] } })(req, res);
      });
    };
    const cms = client();
    expect((await cms.quickOrder('jwt', { lines: 'VT-BOX-S;1000' })).added).toEqual([{ line: 1, sku: 'VT-BOX-S', quantity: 1000 }]);
    // "Référence" in Windows-1252: the bytes reach the cms untouched, for it to decode.
    const bytes = new Uint8Array([0x52, 0xe9, 0x66, 0x3b, 0x51, 0x0a]);
    await cms.quickOrder('jwt', { file: new File([bytes], 'commande.csv', { type: 'text/csv' }) });
    expect(hits).toEqual(['POST /api/cart/quick-order?locale=fr', 'POST /api/cart/quick-order?locale=fr']);
    expect(seen[0]).toEqual({ type: 'application/json', body: Buffer.from(JSON.stringify({ lines: 'VT-BOX-S;1000' })) });
    expect(seen[1].type).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[1].body.includes(Buffer.from('filename="commande.csv"'))).toBe(true);
    expect(seen[1].body.includes(Buffer.from(bytes))).toBe(true);
  });

  it('says the cms is unavailable when nothing answers', async () => {
    const cms = createCmsClient({ baseUrl: 'http://127.0.0.1:9', cacheTtlMs: 0 });
    await expect(cms.listCategories()).rejects.toBeInstanceOf(CmsUnavailableError);
  });
});

describe('what the cms client tells operations', () => {
  it('sends the id of the request it serves, and reports each call’s outcome', async () => {
    const seen: (string | undefined)[] = [];
    routes['GET /api/account'] = (req, res) => {
      seen.push(req.headers['x-request-id'] as string | undefined);
      json(200, { data: { role: 'customer', id: 7, email: 'a@b.example', firstName: 'Claire', lastName: 'Dubois' } })(req, res);
    };
    const outcomes: string[] = [];
    const cms = createCmsClient({ baseUrl, requestId: () => 'proxy-request-0042', onCall: (outcome) => outcomes.push(outcome) });
    await cms.getAccount('a-jwt');
    // A session that has ended: answered as "nobody", and counted as refused.
    routes['GET /api/account'] = json(401, { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Missing or invalid credentials' } });
    expect(await cms.getAccount('a-jwt')).toBeNull();
    await expect(createCmsClient({ baseUrl: 'http://127.0.0.1:1', onCall: (outcome) => outcomes.push(outcome) }).getAccount('a-jwt')).rejects.toBeInstanceOf(CmsUnavailableError);
    expect(seen).toEqual(['proxy-request-0042']);
    expect(outcomes).toEqual(['answered', 'refused', 'failed']);
  });
});
