import { expect, request as httpRequest, test } from '@playwright/test';
import { METRICS_TOKEN } from './support/accounts.ts';

/**
 * What operations read of the running stack: each service's health and readiness, a request
 * id carried from the storefront to the cms, and Prometheus metrics that only the token opens.
 */
const storefront = () => new URL(process.env.STOREFRONT_URL!).origin;
const cms = () => new URL(process.env.CMS_URL!).origin;
const bearer = { authorization: `Bearer ${METRICS_TOKEN}` };

test('the storefront and the cms are alive and ready; the storefront checks that it reaches the cms', async () => {
  const api = await httpRequest.newContext();
  expect((await api.get(`${storefront()}/healthz`)).status()).toBe(200);
  const ready = await api.get(`${storefront()}/readyz`);
  expect([ready.status(), await ready.json()]).toEqual([200, { status: 'ready', checks: { cms: 'ok' } }]);
  const cmsReady = await api.get(`${cms()}/readyz`);
  expect([cmsReady.status(), await cmsReady.json()]).toEqual([200, { status: 'ready', checks: { database: 'ok', redis: 'off' } }]);
});

test('a page keeps the proxy’s request id, and makes one when none came', async () => {
  const api = await httpRequest.newContext();
  const kept = await api.get(`${storefront()}/en/catalogue`, { headers: { 'x-request-id': 'proxy-e2e-000000001' } });
  expect(kept.headers()['x-request-id']).toBe('proxy-e2e-000000001');
  const made = await api.get(`${storefront()}/en/catalogue`);
  expect(made.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test('metrics are there for the token only, timed by route pattern', async () => {
  const api = await httpRequest.newContext();
  await api.get(`${storefront()}/en/catalogue`);
  for (const service of [storefront(), cms()]) {
    expect((await api.get(`${service}/metrics`)).status()).toBe(404);
    expect((await api.get(`${service}/metrics`, { headers: { authorization: 'Bearer not-the-token' } })).status()).toBe(404);
  }
  const text = await (await api.get(`${storefront()}/metrics`, { headers: bearer })).text();
  expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/catalogue\/\[\[category\]\]"[^}]*status="200"[^}]*\} [1-9]/);
  expect(text).toMatch(/storefront_cms_calls_total\{outcome="answered",service="storefront"\} [1-9]/);
  expect(await (await api.get(`${cms()}/metrics`, { headers: bearer })).text()).toContain('http_request_duration_seconds_bucket');
});
