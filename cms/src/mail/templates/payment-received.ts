import type { MailTemplate } from '../render';
import type { OrderMailData } from './order-summary';

export type PaymentReceivedData = OrderMailData;

/** The receipt, sent when the payment is confirmed. */
export const paymentReceived: MailTemplate = {
  subject: 'Receipt for order {{reference}}: payment received',
  text: `Hello {{firstName}},

We have received your payment of {{euros totals.inclVatCents}} for order {{reference}}. Thank you! Your consultant now prepares the order and keeps you informed.

This email is your receipt.

{{> orderSummary}}

{{> orderLink}}
`,
  html: `<h1 style="font-size:20px;margin:0 0 12px">Payment received</h1>
<p>Hello {{firstName}},</p>
<p>We have received your payment of <strong>{{euros totals.inclVatCents}}</strong> for order {{reference}}. Thank you! Your consultant now prepares the order and keeps you informed.</p>
<p>This email is your receipt.</p>
{{> orderSummary}}
{{> orderLink}}
`,
};
