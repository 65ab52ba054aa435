import type { Localized, MailTemplate } from '../render';
import type { OrderMailData } from './order-summary';

export type PaymentReceivedData = OrderMailData;

/** The receipt, sent when the payment is confirmed. */
export const paymentReceived: Localized<MailTemplate> = {
  fr: {
    subject: 'Reçu de la commande {{reference}}\u00a0: paiement reçu',
    text: `Bonjour {{firstName}},

Nous avons bien reçu votre paiement de {{euros totals.inclVatCents}} pour la commande {{reference}}. Merci\u00a0! Votre consultant prépare maintenant la commande et vous tient informé.

Cet e-mail vaut reçu.

{{> orderSummary}}

{{> orderLink}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Paiement reçu</h1>
<p>Bonjour {{firstName}},</p>
<p>Nous avons bien reçu votre paiement de <strong>{{euros totals.inclVatCents}}</strong> pour la commande {{reference}}. Merci\u00a0! Votre consultant prépare maintenant la commande et vous tient informé.</p>
<p>Cet e-mail vaut reçu.</p>
{{> orderSummary}}
{{> orderLink}}
`,
  },
  en: {
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
  },
};
