import { describe, expect, it } from 'vitest';
import { createCmsWebhookHandler } from './webhook.ts';

const call = (authorization?: string) =>
  new Request('http://shop.test/api/cms-webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ event: 'content.changed', models: ['api::product.product'] }),
  });

describe('the cms webhook', () => {
  it('drops the cache when the cms calls with the secret', async () => {
    let dropped = 0;
    const handle = createCmsWebhookHandler('s3cret', () => (dropped += 1));
    expect((await handle(call('Bearer s3cret'))).status).toBe(204);
    expect(dropped).toBe(1);
  });

  it('refuses a call without the secret, or with another, and keeps the cache', async () => {
    let dropped = 0;
    const handle = createCmsWebhookHandler('s3cret', () => (dropped += 1));
    for (const authorization of [undefined, 'Bearer wrong', 's3cret', 'Bearer s3cret-and-more']) {
      const response = await handle(call(authorization));
      expect(response.status, String(authorization)).toBe(401);
    }
    expect(dropped).toBe(0);
  });

  it('does not exist when no secret is configured', async () => {
    let dropped = 0;
    const handle = createCmsWebhookHandler('', () => (dropped += 1));
    expect((await handle(call('Bearer '))).status).toBe(404);
    expect(dropped).toBe(0);
  });
});
