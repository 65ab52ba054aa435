import { randomUUID } from 'node:crypto';
import type { TestApp } from './strapi';
import { bearer } from './fixtures';

/** Puts products into a customer's cart and checks out; returns the answer's data. */
export async function placeOrder(app: TestApp, jwt: string, items: [string, number][], key = randomUUID()) {
  for (const [product, quantity] of items) {
    const res = await app.api().post('/api/cart/items').set(bearer(jwt)).send({ product, quantity });
    if (res.status !== 200) throw new Error(`add to cart failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const res = await app.api().post('/api/checkout').set(bearer(jwt)).send({ idempotencyKey: key });
  if (res.status !== 201) throw new Error(`checkout failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { order: { reference: string; status: string; totals: { inclVatCents: number } } };
}

export const payWithCard = (app: TestApp, jwt: string, reference: string, cardNumber = '4242 4242 4242 4242') =>
  app.api().post(`/api/orders/${reference}/simulated-payment`).set(bearer(jwt)).send({ cardNumber, expiry: '12/30', cvc: '123' });

export const stockOf = async (app: TestApp, slug: string) => (await app.strapi.db.query('api::product.product').findOne({ where: { slug }, select: ['stock'] })).stock as number;
