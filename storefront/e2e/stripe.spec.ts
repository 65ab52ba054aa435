import { expect, test, type Route } from '@playwright/test';
import Stripe from 'stripe';
import { claire } from './support/accounts.ts';

/**
 * With Stripe keys in the cms, the payment page mounts Stripe's Payment Element and confirms
 * the PaymentIntent in the browser; the signed webhook then marks the order paid. Stripe
 * cannot be reached from here: js.stripe.com is answered with a small stand-in that has
 * Stripe.js' calls (elements, create, mount, confirmPayment), and api.stripe.com with the
 * Stripe-compatible server the cms' SDK also talks to (global setup).
 */
const STRIPE_JS_STAND_IN = `
window.Stripe = function (publishableKey) {
  return {
    elements: function (options) {
      return {
        clientSecret: options.clientSecret,
        create: function (type) {
          return { mount: function (element) {
            element.innerHTML = '<label>Card number <input name="stand-in-card" value="4242 4242 4242 4242"></label>';
            element.setAttribute('data-mounted', type);
          } };
        },
      };
    },
    confirmPayment: async function (params) {
      var secret = params.elements.clientSecret;
      var response = await fetch('https://api.stripe.com/v1/payment_intents/' + secret.split('_secret_')[0] + '/confirm', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer ' + publishableKey },
        body: new URLSearchParams({ client_secret: secret, payment_method: 'pm_card_visa', return_url: params.confirmParams.return_url }),
      });
      var body = await response.json();
      if (!response.ok) return { error: body.error };
      location.href = params.confirmParams.return_url;
      return {};
    },
  };
};`;

const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type', 'access-control-allow-methods': 'GET, POST' };

/** The PaymentIntents the browser confirmed. */
const confirmed: string[] = [];

/** Stripe's API answers the browser with the publishable key; the local server checks the secret one. */
async function toLocalStripe(route: Route) {
  const request = route.request();
  if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
  const url = new URL(request.url());
  const confirm = /^\/v1\/payment_intents\/([^/]+)\/confirm$/.exec(url.pathname);
  if (confirm) confirmed.push(confirm[1]!);
  const response = await route.fetch({
    url: `${process.env.FAKE_STRIPE_URL}${url.pathname}${url.search}`,
    headers: { ...request.headers(), authorization: `Bearer ${process.env.FAKE_STRIPE_SECRET_KEY}` },
  });
  return route.fulfill({ response, headers: { ...response.headers(), ...cors } });
}

test.use({ baseURL: process.env.STRIPE_STOREFRONT_URL });

test('a client pays through the Payment Element; the signed webhook marks the order paid', async ({ page }) => {
  const stripeJs: string[] = [];
  await page.route('https://js.stripe.com/**', (route) => {
    stripeJs.push(route.request().url());
    return route.fulfill({ contentType: 'application/javascript', body: STRIPE_JS_STAND_IN });
  });
  await page.route('https://api.stripe.com/**', toLocalStripe);

  await page.goto('/login?redirectTo=%2Fproducts%2Fkraft-shipping-box-s');
  await page.getByLabel('Email').fill(claire.email);
  await page.getByLabel('Password').fill(claire.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByLabel('Quantity (units)').fill('1000');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('button', { name: 'Check out and pay' }).click();

  await expect(page.getByRole('heading', { name: 'Pay your order' })).toBeVisible();
  const reference = /\/orders\/([^/]+)\/pay/.exec(page.url())![1];
  // No simulated card form: Stripe's element, loaded from js.stripe.com.
  await expect(page.locator('[data-mounted="payment"]')).toBeVisible();
  await expect(page.getByLabel('Expiry date (MM/YY)')).toHaveCount(0);
  expect(stripeJs).toEqual(['https://js.stripe.com/v3/']);

  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${reference}\\?paid$`));
  // The browser is back before Stripe's webhook: the page says the payment is being confirmed.
  await expect(page.getByRole('status')).toContainText('We are confirming your payment');

  // What Stripe then sends: payment_intent.succeeded, signed with the endpoint's secret.
  expect(confirmed).toHaveLength(1);
  const retrieved = await fetch(`${process.env.FAKE_STRIPE_URL}/v1/payment_intents/${confirmed[0]}`, { headers: { authorization: `Bearer ${process.env.FAKE_STRIPE_SECRET_KEY}` } });
  const intent = (await retrieved.json()) as { status: string; metadata: { orderReference: string } };
  expect(intent).toMatchObject({ status: 'succeeded', metadata: { orderReference: reference } });
  const payload = JSON.stringify({ id: `evt_e2e_${Date.now()}`, object: 'event', api_version: Stripe.API_VERSION, created: Math.floor(Date.now() / 1000), type: 'payment_intent.succeeded', data: { object: intent }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null } });
  const signature = new Stripe('sk_test_unused').webhooks.generateTestHeaderString({ payload, secret: process.env.FAKE_STRIPE_WEBHOOK_SECRET! });
  const delivered = await fetch(`${process.env.STRIPE_CMS_URL}/api/payments/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
  expect(delivered.status).toBe(200);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Thank you: your order is paid' })).toBeVisible();
  await expect(page.getByRole('main').locator('[data-status]').first()).toHaveText('Paid');
});
