import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { createConsultant, login, registerCustomer } from './support/fixtures';
import { placeOrder } from './support/orders';
import { createStorefrontNotifier } from '../src/utils/storefront-webhook';

/** The cms tells a real HTTP listener (standing for the storefront) when public content changes. */
interface Call {
  at: number;
  authorization: string | undefined;
  body: { event: string; models: string[] };
}

let app: TestApp;
let server: Server;
let calls: Call[] = [];
let answerStatus = 204;

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
};

async function listen(): Promise<string> {
  server = createServer(async (request, response) => {
    calls.push({ at: Date.now(), authorization: request.headers.authorization, body: await readBody(request) });
    response.statusCode = answerStatus;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/api/cms-webhook`;
}

const waitFor = async (condition: () => boolean, timeoutMs = 3_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
};

beforeAll(async () => {
  const url = await listen();
  app = await startApp({ STOREFRONT_WEBHOOK_URL: url, STOREFRONT_WEBHOOK_SECRET: 'webhook-test-secret' });
  await seedCatalogue(app.strapi);
  await createConsultant(app);
});
afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => server?.close(resolve));
});
beforeEach(async () => {
  // Let the catalogue seeding's own notice arrive before each test starts counting.
  await new Promise((resolve) => setTimeout(resolve, 300));
  calls = [];
  answerStatus = 204;
});

describe('telling the storefront about content changes', () => {
  test('an edit of a product reaches the storefront within a fraction of a second, with the secret', async () => {
    const product = await app.strapi.db.query('api::product.product').findOne({ where: { slug: 'kraft-shipping-box' } });
    const editedAt = Date.now();
    await app.strapi.documents('api::product.product').update({ documentId: product.documentId, data: { priceCents: 64000 } as never });
    expect(await waitFor(() => calls.length > 0)).toBe(true);
    expect(calls[0]!.authorization).toBe('Bearer webhook-test-secret');
    expect(calls[0]!.body).toEqual({ event: 'content.changed', models: ['api::product.product'] });
    expect(calls[0]!.at - editedAt).toBeLessThan(1_000);
  });

  test('several changes close together make one call naming each content type', async () => {
    const category = await app.strapi.db.query('api::category.category').findOne({ where: { slug: 'cleaning' } });
    const label = await app.strapi.db.query('api::eco-label.eco-label').findOne({ where: { slug: 'fsc' } });
    await app.strapi.documents('api::category.category').update({ documentId: category.documentId, data: { description: 'Refills and concentrates.' } as never });
    await app.strapi.documents('api::eco-label.eco-label').update({ documentId: label.documentId, data: { name: 'FSC®' } as never });
    await waitFor(() => calls.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.models.sort()).toEqual(['api::category.category', 'api::eco-label.eco-label']);
  });

  test('publishing a content page tells the storefront', async () => {
    await app.strapi.documents('api::home-page.home-page').create({ data: { title: 'Home' } as never, status: 'published' } as never);
    expect(await waitFor(() => calls.some((c) => c.body.models.includes('api::home-page.home-page')))).toBe(true);
  });

  test('orders, carts and accounts are not public content: the storefront is not bothered', async () => {
    const customer = await registerCustomer(app);
    const { jwt } = await login(app, customer.email, customer.password);
    await placeOrder(app, jwt, [['kraft-shipping-box', 1000]]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).toEqual([]);
  });

  test('a storefront that fails to answer is asked again', async () => {
    answerStatus = 503;
    const product = await app.strapi.db.query('api::product.product').findOne({ where: { slug: 'recycled-mailer-bag' } });
    await app.strapi.documents('api::product.product').update({ documentId: product.documentId, data: { stock: 40_000 } as never });
    expect(await waitFor(() => calls.length >= 2)).toBe(true);
  });
});

describe('the notifier on its own', () => {
  test('is off without a URL, and gives up quietly after three failed calls', async () => {
    const off = createStorefrontNotifier({ url: '', secret: '', log: { warn: () => {} } });
    off.notify('api::product.product');
    expect(off.enabled).toBe(false);

    const warnings: string[] = [];
    let attempts = 0;
    const failing = createStorefrontNotifier({
      url: 'http://127.0.0.1:1/api/cms-webhook',
      secret: 's',
      debounceMs: 1,
      retryDelayMs: 5,
      log: { warn: (message) => warnings.push(message) },
      fetch: async () => {
        attempts += 1;
        throw new Error('connection refused');
      },
    });
    failing.notify('api::product.product');
    expect(await waitFor(() => warnings.length > 0)).toBe(true);
    expect(attempts).toBe(3);
    expect(warnings[0]).toContain('api::product.product');
  });
});
