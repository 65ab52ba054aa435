import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from './support/strapi';
import { seedCatalogue } from './support/catalogue';
import { bearer, createConsultant, login, registerCustomer } from './support/fixtures';
import { payWithCard, placeOrder, stockOf } from './support/orders';
import type { ReceivedMail } from './support/mailbox';

/** The emails a buyer gets about their orders, as a real SMTP server receives them. */
let app: TestApp;
let customer: { email: string; jwt: string };
let consultantJwt: string;

beforeAll(async () => {
  app = await startApp();
  await seedCatalogue(app.strapi);
  const consultant = await createConsultant(app, { firstName: 'Chloé', lastName: 'Garnier' });
  const registered = await registerCustomer(app, { firstName: 'Claire', companyName: 'Maison Lavande' });
  customer = { email: registered.email, jwt: (await login(app, registered.email, registered.password)).jwt };
  consultantJwt = (await login(app, consultant.email, consultant.password)).jwt;
});
afterAll(async () => {
  await app?.stop();
});

/** French typography's no-break spaces, as plain spaces, to compare with readable strings. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const about = (reference: string, to = customer.email) => app.mailbox.mailsTo(to).filter((m) => m.subject.includes(reference));
/** A subject as a pattern, no-break spaces and all. */
const subject = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \u00a0]'));
/** Mail leaves after the request's transaction; give any extra one the time to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
const orderLink = (reference: string, locale = 'fr') => `http://storefront.test/${locale}/orders/${reference}`;
const move = (reference: string, status: string, comment: string) =>
  app.api().post(`/api/consultant/orders/${reference}/status`).set(bearer(consultantJwt)).send({ status, comment });

function expectOrderSummary(mail: ReceivedMail, lines: string[], totals: [string, string, string]) {
  const text = plain(mail.text);
  for (const line of lines) expect(text).toContain(line);
  expect(text).toContain(`Total HT : ${totals[0]}\nTVA : ${totals[1]}\nTotal TTC : ${totals[2]}`);
  const html = plain(mail.html);
  for (const amount of totals) expect(html).toContain(amount);
}

describe('order confirmation', () => {
  test('is mailed once when the order is placed, in French by default, with its lines, totals and a link to it', async () => {
    const key = randomUUID();
    const { order } = await placeOrder(app, customer.jwt, [['kraft-shipping-box', 1500], ['plant-based-dish-soap', 1000]], key);
    // The same checkout again (a double click, a retry) is the same order: no second mail.
    expect((await app.api().post('/api/checkout').set(bearer(customer.jwt)).send({ idempotencyKey: key })).status).toBe(201);

    const mail = await app.mailbox.waitFor(customer.email, /reçue/);
    expect(mail.to).toEqual([customer.email]);
    expect(mail.subject).toBe(`Commande ${order.reference} reçue`);
    expect(mail.text).toMatch(/^Bonjour Claire,/);
    expect(mail.text).toContain('pour Maison Lavande');
    // 1500 × 650,00 € / 1000 = 975,00 € (20 % VAT); 1000 × 4 500,00 € / 1000 = 4 500,00 € (10 % VAT)
    expectOrderSummary(
      mail,
      ['- Kraft shipping box : 1 500 unités à 650,00 € les 1 000 unités = 975,00 € HT', '- Plant-based dish soap : 1 000 unités à 4 500,00 € les 1 000 unités = 4 500,00 € HT'],
      ['5 475,00 €', '645,00 €', '6 120,00 €'],
    );
    expect(mail.text).toContain(orderLink(order.reference));
    expect(mail.html).toContain(`<a href="${orderLink(order.reference)}"`);
    expect(mail.html).toContain('<html lang="fr">');
    expect(plain(mail.html)).toMatch(/<td[^>]*>Kraft shipping box<\/td>\s*<td[^>]*>1 500 unités<\/td>/);
    await settle();
    expect(about(order.reference)).toHaveLength(1);
  });

  test('the same checkout submitted twice at once confirms one order once', async () => {
    for (const product of ['recycled-mailer-bag']) await app.api().post('/api/cart/items').set(bearer(customer.jwt)).send({ product, quantity: 1000 }).expect(200);
    const key = randomUUID();
    const [a, b] = await Promise.all([0, 1].map(() => app.api().post('/api/checkout').set(bearer(customer.jwt)).send({ idempotencyKey: key })));
    expect([a.status, b.status]).toEqual([201, 201]);
    const reference = a.body.data.order.reference as string;
    expect(b.body.data.order.reference).toBe(reference);
    await app.mailbox.waitFor(customer.email, new RegExp(`Commande ${reference} reçue`));
    await settle();
    expect(about(reference)).toHaveLength(1);
  });
});

describe('payment', () => {
  test('a paid order gets one receipt, and a replayed payment event sends nothing more', async () => {
    const { order } = await placeOrder(app, customer.jwt, [['paper-padded-envelope', 2000]]);
    expect((await payWithCard(app, customer.jwt, order.reference)).body.data.outcome).toBe('paid');

    const receipt = await app.mailbox.waitFor(customer.email, new RegExp(`Reçu de la commande ${order.reference}`));
    expect(receipt.to).toEqual([customer.email]);
    expect(plain(receipt.subject)).toBe(`Reçu de la commande ${order.reference} : paiement reçu`);
    // 2000 × 210,00 € / 1000 = 420,00 € + 20 % VAT
    expect(plain(receipt.text)).toContain(`Nous avons bien reçu votre paiement de 504,00 € pour la commande ${order.reference}`);
    expectOrderSummary(receipt, ['- Paper padded envelope : 2 000 unités à 210,00 € les 1 000 unités = 420,00 € HT'], ['420,00 €', '84,00 €', '504,00 €']);
    expect(receipt.html).toContain(`<a href="${orderLink(order.reference)}"`);

    // The provider delivers the same event again, then another success for the same payment.
    const payments = app.strapi.service('api::order.payments');
    const applied = await app.strapi.db.query('api::order.payment-event').findOne({ where: { orderReference: order.reference, outcome: 'paid' } });
    const event = (id: string) => ({
      id,
      type: 'payment_intent.succeeded',
      data: { object: { id: `sim_${order.reference}`, object: 'payment_intent', status: 'succeeded', metadata: { orderReference: order.reference } } },
    });
    expect(await payments.applyEvent(event(applied.eventId))).toBe('duplicate');
    expect(await payments.applyEvent(event(`evt_sim_${randomUUID()}`))).toBe('ignored: already past payment');
    await settle();
    expect(about(order.reference).map((m) => plain(m.subject))).toEqual([`Commande ${order.reference} reçue`, `Reçu de la commande ${order.reference} : paiement reçu`]);
  });

  test('a declined card mails the reason and the way back to the cart', async () => {
    const { order } = await placeOrder(app, customer.jwt, [['paper-padded-envelope', 1000]]);
    expect((await payWithCard(app, customer.jwt, order.reference, '4000 0000 0000 0002')).body.data.outcome).toBe('payment_failed');

    const mail = await app.mailbox.waitFor(customer.email, new RegExp(`Échec du paiement de la commande ${order.reference}`));
    expect(plain(mail.text)).toContain(`Le paiement de 252,00 € pour la commande ${order.reference} n’a pas abouti.`);
    // The shop's own comment, recorded in English in the history, reads in French in a French mail.
    expect(plain(mail.text)).toContain('Le paiement a échoué : votre carte a été refusée. Votre panier a été rétabli.');
    expect(mail.text).toContain('http://storefront.test/fr/cart');
    expect(mail.html).toContain('<a href="http://storefront.test/fr/cart">');
    expect(mail.text).toContain(orderLink(order.reference));
    await settle();
    expect(about(order.reference)).toHaveLength(2);
    await app.api().delete('/api/cart').set(bearer(customer.jwt));
  });
});

describe('consultant changes', () => {
  test('each change mails the client once, with the consultant\'s comment and a link to the order', async () => {
    const { order } = await placeOrder(app, customer.jwt, [['recycled-mailer-bag', 1000]]);
    await payWithCard(app, customer.jwt, order.reference);
    await app.mailbox.waitFor(customer.email, new RegExp(`Reçu de la commande ${order.reference}`));
    const changes = [
      ['in_progress', 'En préparation', 'Preparing your parcels in Lyon.'],
      ['shipped', 'Expédiée', 'Shipped with tracking https://track.example/FR123?lang=fr&ref=1.\nTwo pallets.'],
      ['delivered', 'Livrée', 'Delivered this morning.'],
    ];
    for (const [status, label, comment] of changes) {
      expect((await move(order.reference, status, comment)).status).toBe(200);
      const mail = await app.mailbox.waitFor(customer.email, subject(`Commande ${order.reference} : ${label}`));
      expect(mail.to).toEqual([customer.email]);
      expect(plain(mail.subject)).toBe(`Commande ${order.reference} : ${label}`);
      expect(plain(mail.text)).toContain(`Chloé Garnier a mis à jour votre commande ${order.reference} : elle est maintenant « ${label} ».`);
      expect(mail.text).toContain(comment);
      expect(mail.text).toContain(orderLink(order.reference));
      expect(mail.html).toContain(`<a href="${orderLink(order.reference)}"`);
    }
    const shipped = about(order.reference).find((m) => m.subject.endsWith('Expédiée'))!;
    expect(shipped.html).toContain('<a href="https://track.example/FR123?lang&#x3D;fr&amp;ref&#x3D;1">https://track.example/FR123?lang&#x3D;fr&amp;ref&#x3D;1</a>.<br>Two pallets.');
    // A refused change mails nothing.
    expect((await move(order.reference, 'in_progress', 'Back to work')).status).toBe(400);
    await settle();
    expect(about(order.reference).map((m) => plain(m.subject))).toEqual([
      `Commande ${order.reference} reçue`,
      `Reçu de la commande ${order.reference} : paiement reçu`,
      `Commande ${order.reference} : En préparation`,
      `Commande ${order.reference} : Expédiée`,
      `Commande ${order.reference} : Livrée`,
    ]);
  });

  test('a hostile comment is escaped in the HTML and kept as written in the text', async () => {
    const { order } = await placeOrder(app, customer.jwt, [['recycled-mailer-bag', 1000]]);
    await payWithCard(app, customer.jwt, order.reference);
    const comment = '</p><script>alert("pwned")</script><img src=x onerror="alert(1)"> <a href="https://evil.test">Pay here</a> & done';
    expect((await move(order.reference, 'in_progress', comment)).status).toBe(200);

    const mail = await app.mailbox.waitFor(customer.email, subject(`Commande ${order.reference} : En préparation`));
    expect(mail.text).toContain(comment);
    expect(mail.html).not.toMatch(/<script|<img|onerror="|>Pay here</);
    expect(mail.html).toContain('&lt;/p&gt;&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;&quot;alert(1)&quot;&gt;');
    // The address written in the comment is a link to itself; the markup around it stays text.
    expect(mail.html).toContain('&lt;a href&#x3D;&quot;<a href="https://evil.test">https://evil.test</a>&quot;&gt;Pay here&lt;/a&gt;');
    expect(mail.html).toContain('&amp; done');
  });

  test('a product name with markup is escaped in the HTML of the order\'s emails', async () => {
    await app.strapi.db.query('api::product.product').update({ where: { slug: 'paper-padded-envelope' }, data: { name: 'Envelope <b onmouseover="x()">XL</b> & co' } });
    const { order } = await placeOrder(app, customer.jwt, [['paper-padded-envelope', 1000]]);
    const mail = await app.mailbox.waitFor(customer.email, new RegExp(`Commande ${order.reference} reçue`));
    expect(mail.html).not.toContain('<b ');
    expect(mail.html).toContain('Envelope &lt;b onmouseover&#x3D;&quot;x()&quot;&gt;XL&lt;/b&gt; &amp; co');
    expect(mail.text).toContain('- Envelope <b onmouseover="x()">XL</b> & co\u00a0: ');
    await app.strapi.db.query('api::product.product').update({ where: { slug: 'paper-padded-envelope' }, data: { name: 'Paper padded envelope' } });
  });

  test('a change whose transaction rolls back mails nothing', async () => {
    const { order } = await placeOrder(app, customer.jwt, [['recycled-mailer-bag', 1000]]);
    await payWithCard(app, customer.jwt, order.reference);
    await app.mailbox.waitFor(customer.email, new RegExp(`Reçu de la commande ${order.reference}`));
    const lifecycle = app.strapi.service('api::order.lifecycle');
    const stored = await lifecycle.load({ reference: order.reference });
    await expect(
      app.strapi.db.transaction(async () => {
        await lifecycle.record(stored, 'in_progress', { role: 'consultant', name: 'Chloé Garnier' }, 'Preparing');
        throw new Error('something later in the same transaction failed');
      }),
    ).rejects.toThrow(/something later/);
    await settle();
    expect((await lifecycle.load({ reference: order.reference })).status).toBe('paid');
    expect(about(order.reference)).toHaveLength(2);
  });
});

describe('cancellation', () => {
  test('by the consultant: one email with their comment and the refund', async () => {
    const { order } = await placeOrder(app, customer.jwt, [['kraft-shipping-box', 1000]]);
    await payWithCard(app, customer.jwt, order.reference);
    await app.mailbox.waitFor(customer.email, new RegExp(`Reçu de la commande ${order.reference}`));
    expect((await move(order.reference, 'cancelled', 'Cancelled at your request by phone.')).status).toBe(200);

    const mail = await app.mailbox.waitFor(customer.email, new RegExp(`Commande ${order.reference} annulée`));
    expect(mail.subject).toBe(`Commande ${order.reference} annulée`);
    expect(mail.text).toContain(`Votre commande ${order.reference} a été annulée par Chloé Garnier.`);
    // The consultant's own words stay as they wrote them.
    expect(mail.text).toContain('Cancelled at your request by phone.');
    expect(plain(mail.text)).toContain('Le paiement de 780,00 € est remboursé sur la carte qui a servi à le régler.');
    expectOrderSummary(mail, ['- Kraft shipping box : 1 000 unités à 650,00 € les 1 000 unités = 650,00 € HT'], ['650,00 €', '130,00 €', '780,00 €']);
    expect(mail.html).toContain(`<a href="${orderLink(order.reference)}"`);
    await settle();
    expect(about(order.reference)).toHaveLength(3);
  });

  test('by the client before payment, and when the payment delay runs out: no refund to speak of', async () => {
    const lifecycle = app.strapi.service('api::order.lifecycle');
    // Orders other tests left unpaid expire first.
    await lifecycle.expireUnpaidOrders(new Date(Date.now() + 31 * 60_000));
    const byClient = (await placeOrder(app, customer.jwt, [['kraft-shipping-box', 1000]])).order;
    expect((await app.api().post(`/api/orders/${byClient.reference}/cancel`).set(bearer(customer.jwt))).status).toBe(200);
    const cancelled = await app.mailbox.waitFor(customer.email, new RegExp(`Commande ${byClient.reference} annulée`));
    expect(cancelled.text).toContain(`Votre commande ${byClient.reference} a été annulée par vous-même.`);
    expect(cancelled.text).toContain('Annulée par le client avant le paiement.');
    expect(cancelled.text).not.toContain('rembours');

    const expiring = (await placeOrder(app, customer.jwt, [['kraft-shipping-box', 1000]])).order;
    expect(await lifecycle.expireUnpaidOrders(new Date(Date.now() + 31 * 60_000))).toBe(1);
    const expired = await app.mailbox.waitFor(customer.email, new RegExp(`Commande ${expiring.reference} annulée`));
    expect(expired.text).toContain(`Votre commande ${expiring.reference} a été annulée par Ventalis.`);
    expect(expired.text).toContain('Aucun paiement n’a été reçu à temps');
    await settle();
    expect(about(byClient.reference)).toHaveLength(2);
    expect(about(expiring.reference)).toHaveLength(2);
  });
});

describe('a mail server that fails', () => {
  test('does not break checkout, payment or a consultant\'s change; the mails wait and leave once, when it accepts again', async () => {
    const warnings = vi.spyOn(app.strapi.log, 'warn');
    app.mailbox.refuse(customer.email);
    try {
      const before = await stockOf(app, 'kraft-shipping-box');
      const { order } = await placeOrder(app, customer.jwt, [['kraft-shipping-box', 1000]]);
      expect(order.status).toBe('awaiting_payment');
      expect(await stockOf(app, 'kraft-shipping-box')).toBe(before - 1000);
      const paid = await payWithCard(app, customer.jwt, order.reference);
      expect(paid.status).toBe(200);
      expect(paid.body.data.order.status).toBe('paid');
      expect((await move(order.reference, 'in_progress', 'Preparing.')).status).toBe(200);
      // Each of the three mails was refused once and waits for its next try.
      await vi.waitFor(() => expect(warnings.mock.calls.filter(([message]) => String(message).includes('Job mail') && String(message).includes(order.reference))).toHaveLength(3), { timeout: 5000 });
      expect(warnings.mock.calls.map(([message]) => String(message)).join('\n')).toMatch(/Mailbox unavailable|rejected/);
      // The log names the recipient's mail by subject only, never its text (a reset link, for one).
      expect(warnings.mock.calls.map(([message]) => String(message)).join('\n')).not.toContain('Bonjour');
      expect(about(order.reference)).toEqual([]);
      const seen = await app.api().get(`/api/orders/${order.reference}`).set(bearer(customer.jwt));
      expect(seen.body.data.history.map((h: { to: string }) => h.to)).toEqual(['awaiting_payment', 'paid', 'in_progress']);

      // Once the mail server accepts again, the waiting mails leave, each once, and so does the next change's.
      app.mailbox.accept(customer.email);
      expect((await move(order.reference, 'shipped', 'On its way.')).status).toBe(200);
      await app.mailbox.waitFor(customer.email, subject(`Commande ${order.reference} : Expédiée`));
      await vi.waitFor(() => expect(about(order.reference)).toHaveLength(4), { timeout: 8000 });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const subjects = about(order.reference).map((m) => m.subject);
      expect(new Set(subjects).size).toBe(4);
      expect(subjects).toHaveLength(4);
      expect(subjects.some((text) => text.includes('En préparation'))).toBe(true);
    } finally {
      app.mailbox.accept(customer.email);
      warnings.mockRestore();
    }
  });
});

describe('an email that cannot be composed', () => {
  test('leaves the order as placed and is shown to administrators with the failed jobs', async () => {
    const emails = app.strapi.service('api::order.emails') as { send: (...args: unknown[]) => Promise<void> };
    const compose = emails.send;
    // What a database gone at the wrong moment does to the confirmation being composed.
    emails.send = async () => {
      throw new Error('Connection terminated unexpectedly');
    };
    try {
      const { order } = await placeOrder(app, customer.jwt, [['kraft-shipping-box', 1000]]);
      expect(order.status).toBe('awaiting_payment');
      const id = (await app.strapi.db.query('api::order.order').findOne({ where: { reference: order.reference }, select: ['id'] })).id;
      const failure = await vi.waitFor(
        async () => {
          const row = await app.strapi.db.query('api::job-failure.job-failure').findOne({ where: { job: 'background', about: `The email of order #${id} (placed → awaiting_payment)` } });
          expect(row).not.toBeNull();
          return row;
        },
        { timeout: 5000 },
      );
      expect(failure).toMatchObject({ error: 'Connection terminated unexpectedly', attempts: 1, occurrences: 1 });
      expect((await app.api().get(`/api/orders/${order.reference}`).set(bearer(customer.jwt))).body.data.status).toBe('awaiting_payment');
    } finally {
      emails.send = compose;
    }
  });
});
