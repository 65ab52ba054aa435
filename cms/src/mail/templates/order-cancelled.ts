import type { Localized, MailTemplate } from '../render';
import type { OrderMailData } from './order-summary';

export interface OrderCancelledData extends OrderMailData {
  /** Why, as recorded with the change (the consultant's comment, or the shop's reason). */
  comment: string;
  /** Who cancelled, in the mail's language: the consultant's name, "you" or "Ventalis". */
  by: string;
  /** The order had been paid: its payment goes back to the card. */
  refunded: boolean;
}

/** Sent when an order is cancelled, whoever cancelled it. */
export const orderCancelled: Localized<MailTemplate> = {
  fr: {
    subject: 'Commande {{reference}} annulée',
    text: `Bonjour {{firstName}},

Votre commande {{reference}} a été annulée par {{by}}.

{{comment}}
{{#if refunded}}

Le paiement de {{euros totals.inclVatCents}} est remboursé sur la carte qui a servi à le régler.
{{/if}}

{{> orderSummary}}

{{> orderLink}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Commande {{reference}} annulée</h1>
<p>Bonjour {{firstName}},</p>
<p>Votre commande {{reference}} a été annulée par {{by}}.</p>
<p style="padding:12px 16px;background:#f3f5f0;border-left:4px solid #2f6b3a">{{paragraphs comment}}</p>
{{#if refunded}}
<p>Le paiement de <strong>{{euros totals.inclVatCents}}</strong> est remboursé sur la carte qui a servi à le régler.</p>
{{/if}}
{{> orderSummary}}
{{> orderLink}}
`,
  },
  en: {
    subject: 'Order {{reference}} cancelled',
    text: `Hello {{firstName}},

Your order {{reference}} has been cancelled by {{by}}.

{{comment}}
{{#if refunded}}

The payment of {{euros totals.inclVatCents}} is refunded to the card it was paid with.
{{/if}}

{{> orderSummary}}

{{> orderLink}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Order {{reference}} cancelled</h1>
<p>Hello {{firstName}},</p>
<p>Your order {{reference}} has been cancelled by {{by}}.</p>
<p style="padding:12px 16px;background:#f3f5f0;border-left:4px solid #2f6b3a">{{paragraphs comment}}</p>
{{#if refunded}}
<p>The payment of <strong>{{euros totals.inclVatCents}}</strong> is refunded to the card it was paid with.</p>
{{/if}}
{{> orderSummary}}
{{> orderLink}}
`,
  },
};
