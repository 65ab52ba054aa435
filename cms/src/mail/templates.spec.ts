import { describe, expect, test } from 'vitest';
import { mails, type OrderMailData } from './templates';
import { chatSummaryMail } from './messages';

const order: OrderMailData = {
  firstName: 'Claire',
  companyName: 'Maison Lavande',
  reference: 'VT-261204-ABCDEF',
  orderUrl: 'http://shop.test/orders/VT-261204-ABCDEF',
  lines: [
    { productName: 'Kraft shipping box', quantity: 1500, pricePer1000Cents: 65_000, exclVatCents: 97_500 },
    { productName: 'Soap <b>&</b> "co"', quantity: 1000, pricePer1000Cents: 450_000, exclVatCents: 450_000 },
  ],
  totals: { exclVatCents: 547_500, vatCents: 64_500, inclVatCents: 612_000 },
  onInvoice: null,
  awaitingApproval: null,
  purchaseOrderNumber: null,
};
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('order emails', () => {
  test('in English, show lines and totals in English euros, in text and HTML', () => {
    const mail = mails.orderPlaced('en', order);
    expect(mail.subject).toBe('Order VT-261204-ABCDEF received');
    expect(plain(mail.text)).toContain('- Kraft shipping box: 1,500 units at €650.00 per 1,000 units = €975.00 excl. VAT');
    expect(plain(mail.text)).toContain('Total excl. VAT: €5,475.00\nVAT: €645.00\nTotal incl. VAT: €6,120.00');
    expect(plain(mail.html)).toContain('€6,120.00');
    expect(mail.html).toContain('<a href="http://shop.test/orders/VT-261204-ABCDEF"');
    // Product names are people's text too.
    expect(mail.html).toContain('Soap &lt;b&gt;&amp;&lt;/b&gt; &quot;co&quot;');
    expect(mail.html).not.toContain('<b>');
    expect(mail.text).toContain('- Soap <b>&</b> "co": ');
  });

  test('escape what people wrote in HTML and keep it as written in text', () => {
    const comment = '</p><script>alert("x")</script> see https://track.test/?a=1&b=2';
    const mail = mails.orderStatusChanged('en', { ...order, status: 'Shipped', by: 'Chloé <i>Garnier</i>', comment });
    expect(mail.html).not.toMatch(/<script|<b>|<i>/);
    expect(mail.html).toContain('&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('see <a href="https://track.test/?a&#x3D;1&amp;b&#x3D;2">https://track.test/?a&#x3D;1&amp;b&#x3D;2</a></p>');
    expect(mail.text).toContain(comment);
    expect(mail.text).not.toContain('Soap'); // a status change carries the comment, not the lines
  });

  test('a subject stays on one line whatever the data holds', () => {
    expect(mails.orderStatusChanged('en', { ...order, reference: 'X\r\nBcc: someone@evil.test', status: 'Shipped', by: 'C', comment: 'c' }).subject).toBe('Order X Bcc: someone@evil.test: Shipped');
  });

  test('refuse data that lacks a field instead of mailing a blank', () => {
    expect(() => mails.paymentFailed('en', { ...order } as never)).toThrow(/not defined/);
  });
});

describe('in French', () => {
  test('money, quantities, words and typography are French, and the HTML says so', () => {
    const mail = mails.orderPlaced('fr', { ...order, orderUrl: 'http://shop.test/fr/orders/VT-261204-ABCDEF' });
    expect(mail.subject).toBe('Commande VT-261204-ABCDEF reçue');
    expect(mail.text).toMatch(/^Bonjour Claire,/);
    expect(plain(mail.text)).toContain('- Kraft shipping box : 1 500 unités à 650,00 € les 1 000 unités = 975,00 € HT');
    expect(plain(mail.text)).toContain('Total HT : 5 475,00 €\nTVA : 645,00 €\nTotal TTC : 6 120,00 €');
    // No-break spaces before the colon and inside the thousands, as French typography wants.
    expect(mail.text).toContain('Total TTC\u00a0: 6\u202f120,00\u00a0€');
    expect(mail.html).toContain('<html lang="fr">');
    expect(plain(mail.html)).toContain('>Quantité</th>');
    expect(mail.html).toContain('Voir la commande VT-261204-ABCDEF');
    expect(mail.text).toContain('Votre commande sur la boutique\u00a0: http://shop.test/fr/orders/VT-261204-ABCDEF');
    expect(mails.orderPlaced('en', order).html).toContain('<html lang="en">');
  });

  test('every order email has both versions, each with its own words', () => {
    const extra = { comment: 'c', cartUrl: 'http://shop.test/fr/cart', status: 'Expédiée', by: 'Chloé', refunded: true };
    for (const name of ['orderPlaced', 'paymentReceived', 'paymentFailed', 'orderStatusChanged', 'orderCancelled'] as const) {
      const fr = mails[name]('fr', { ...order, ...extra } as never);
      const en = mails[name]('en', { ...order, ...extra } as never);
      expect(fr.text, name).toMatch(/^Bonjour Claire,/);
      expect(en.text, name).toMatch(/^Hello Claire,/);
      expect(fr.subject, name).not.toBe(en.subject);
      expect(fr.html, name).not.toMatch(/\b(Hello|Order|Payment|Your)\b/);
    }
  });
});

describe('plain-text mails', () => {
  test('keep their text and get an escaped HTML twin with links', () => {
    const text = 'Hello <Alex>,\n\nChoose a password: http://shop.test/reset?code=a&b\n';
    const mail = mails.plainMessage('en', { subject: 'Reset your Ventalis password', text });
    expect(mail.text).toBe(text);
    expect(mail.html).toContain('Hello &lt;Alex&gt;,<br><br>Choose a password: <a href="http://shop.test/reset?code&#x3D;a&amp;b">');
  });

  test('an order on invoice says when its payment by bank transfer is due, with the purchase order, in each language', () => {
    const onInvoice = { ...order, onInvoice: { dueDate: '2027-01-31' }, purchaseOrderNumber: 'PO-2026-118' };
    expect(mails.orderPlaced('fr', onInvoice).text).toContain('pour Maison Lavande (bon de commande PO-2026-118). Elle est confirmée et payable sur facture, par virement, au plus tard le 31 janv. 2027.');
    expect(mails.orderPlaced('en', onInvoice).text).toContain('for Maison Lavande (purchase order PO-2026-118). It is confirmed and payable on invoice, by bank transfer, by 31 Jan 2027.');
    expect(mails.orderPlaced('en', order).text).toContain('reserved for you until the payment is received');
  });

  test('an order above the buyer’s limit says it waits for an admin; the admins get the request with the way to decide', () => {
    const waiting = { ...order, awaitingApproval: { until: '2026-12-09T10:00:00.000Z' } };
    expect(mails.orderPlaced('fr', waiting).text).toContain('attend la validation d’un administrateur de votre entreprise jusqu’au 9 déc. 2026, 11:00');
    expect(mails.orderPlaced('en', waiting).text).toContain('waits for the approval of an administrator of your company until 9 Dec 2026, 11:00');
    const request = mails.approvalRequested('fr', { ...waiting, adminFirstName: 'Inès', buyerName: 'Bruno Petit', until: '2026-12-09T10:00:00.000Z', approvalsUrl: 'http://shop.test/fr/account/approvals' });
    expect(request.subject).toBe('Commande VT-261204-ABCDEF de Bruno Petit à valider');
    expect(request.text).toContain('Valider ou refuser : http://shop.test/fr/account/approvals');
  });

  test('an unread-messages summary counts the conversations it does not list, in each language', () => {
    const section = { names: 'Anne Martin', order: null, quote: null, unread: 2, lines: ['  Anne Martin: Any news?'], more: 1, link: 'http://shop.test/en/messages?c=4' };
    const others = { conversations: 1, unread: 3, link: 'http://shop.test/en/messages' };
    expect(plain(chatSummaryMail.en('Xavier Roux', 5, [section], others, 15).text)).toContain('With Anne Martin — 2 unread messages:\n  Anne Martin: Any news?\n  …and 1 earlier message\n  Read and answer: http://shop.test/en/messages?c=4\n\n…and 1 other conversation with 3 unread messages: http://shop.test/en/messages\n\nYou receive');
    expect(plain(chatSummaryMail.fr('Xavier Roux', 5, [section], { ...others, conversations: 4, unread: 1 }, 15).text)).toContain('…et 4 autres conversations avec 1 message non lu : http://shop.test/en/messages\n');
    expect(chatSummaryMail.en(null, 2, [section], null, 15).text).not.toContain('other conversation');
  });
});
