import { describe, expect, test } from 'vitest';
import { mails, type OrderMailData } from './templates';

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
};
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('order emails', () => {
  test('show lines and totals in French euros, in text and HTML', () => {
    const mail = mails.orderPlaced(order);
    expect(mail.subject).toBe('Order VT-261204-ABCDEF received');
    expect(plain(mail.text)).toContain('- Kraft shipping box: 1 500 units at 650,00 € per 1,000 units = 975,00 € excl. VAT');
    expect(plain(mail.text)).toContain('Total excl. VAT: 5 475,00 €\nVAT: 645,00 €\nTotal incl. VAT: 6 120,00 €');
    expect(plain(mail.html)).toContain('6 120,00 €');
    expect(mail.html).toContain('<a href="http://shop.test/orders/VT-261204-ABCDEF"');
    // Product names are people's text too.
    expect(mail.html).toContain('Soap &lt;b&gt;&amp;&lt;/b&gt; &quot;co&quot;');
    expect(mail.html).not.toContain('<b>');
    expect(mail.text).toContain('- Soap <b>&</b> "co": ');
  });

  test('escape what people wrote in HTML and keep it as written in text', () => {
    const comment = '</p><script>alert("x")</script> see https://track.test/?a=1&b=2';
    const mail = mails.orderStatusChanged({ ...order, status: 'Shipped', by: 'Chloé <i>Garnier</i>', comment });
    expect(mail.html).not.toMatch(/<script|<b>|<i>/);
    expect(mail.html).toContain('&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('see <a href="https://track.test/?a&#x3D;1&amp;b&#x3D;2">https://track.test/?a&#x3D;1&amp;b&#x3D;2</a></p>');
    expect(mail.text).toContain(comment);
    expect(mail.text).not.toContain('Soap'); // a status change carries the comment, not the lines
  });

  test('a subject stays on one line whatever the data holds', () => {
    expect(mails.orderStatusChanged({ ...order, reference: 'X\r\nBcc: someone@evil.test', status: 'Shipped', by: 'C', comment: 'c' }).subject).toBe('Order X Bcc: someone@evil.test: Shipped');
  });

  test('refuse data that lacks a field instead of mailing a blank', () => {
    expect(() => mails.paymentFailed({ ...order } as never)).toThrow(/not defined/);
  });
});

describe('plain-text mails', () => {
  test('keep their text and get an escaped HTML twin with links', () => {
    const text = 'Hello <Alex>,\n\nChoose a password: http://shop.test/reset?code=a&b\n';
    const mail = mails.plainMessage({ subject: 'Reset your Ventalis password', text });
    expect(mail.text).toBe(text);
    expect(mail.html).toContain('Hello &lt;Alex&gt;,<br><br>Choose a password: <a href="http://shop.test/reset?code&#x3D;a&amp;b">');
  });
});
