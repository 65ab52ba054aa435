import type { Localized, MailTemplate } from '../render';
import type { OrderMailData } from './order-summary';

export type OrderPlacedData = OrderMailData;

/** Sent when checkout places the order: what was ordered, at which price. */
export const orderPlaced: Localized<MailTemplate> = {
  fr: {
    subject: 'Commande {{reference}} reçue',
    text: `Bonjour {{firstName}},

Merci pour votre commande {{reference}} pour {{companyName}}. Les produits ci-dessous vous sont réservés jusqu’à réception du paiement.

{{> orderSummary}}

{{> orderLink}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Commande {{reference}} reçue</h1>
<p>Bonjour {{firstName}},</p>
<p>Merci pour votre commande {{reference}} pour {{companyName}}. Les produits ci-dessous vous sont réservés jusqu’à réception du paiement.</p>
{{> orderSummary}}
{{> orderLink}}
`,
  },
  en: {
    subject: 'Order {{reference}} received',
    text: `Hello {{firstName}},

Thank you for your order {{reference}} for {{companyName}}. The products below are reserved for you until the payment is received.

{{> orderSummary}}

{{> orderLink}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Order {{reference}} received</h1>
<p>Hello {{firstName}},</p>
<p>Thank you for your order {{reference}} for {{companyName}}. The products below are reserved for you until the payment is received.</p>
{{> orderSummary}}
{{> orderLink}}
`,
  },
};
