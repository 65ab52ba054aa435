import type { Localized, MailTemplate } from '../render';
import type { OrderMailData } from './order-summary';

export interface PaymentFailedData extends OrderMailData {
  /** What the lifecycle recorded: the reason the payment failed. */
  comment: string;
  cartUrl: string;
}

/** Sent when the payment is refused: the order is not placed and the cart holds the products again. */
export const paymentFailed: Localized<MailTemplate> = {
  fr: {
    subject: 'Échec du paiement de la commande {{reference}}',
    text: `Bonjour {{firstName}},

Le paiement de {{euros totals.inclVatCents}} pour la commande {{reference}} n’a pas abouti.

{{comment}}

Les produits sont de nouveau dans votre panier\u00a0: validez la commande à nouveau quand vous le souhaitez.
Votre panier\u00a0: {{cartUrl}}

{{> orderLink}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Échec du paiement</h1>
<p>Bonjour {{firstName}},</p>
<p>Le paiement de <strong>{{euros totals.inclVatCents}}</strong> pour la commande {{reference}} n’a pas abouti.</p>
<p style="padding:12px 16px;background:#fbeeee;border-left:4px solid #b3261e">{{paragraphs comment}}</p>
<p>Les produits sont de nouveau dans votre panier\u00a0: <a href="{{cartUrl}}">validez la commande à nouveau</a> quand vous le souhaitez.</p>
{{> orderLink}}
`,
  },
  en: {
    subject: 'Payment failed for order {{reference}}',
    text: `Hello {{firstName}},

The payment of {{euros totals.inclVatCents}} for order {{reference}} did not go through.

{{comment}}

The products are back in your cart: check out again when you are ready.
Your cart: {{cartUrl}}

{{> orderLink}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Payment failed</h1>
<p>Hello {{firstName}},</p>
<p>The payment of <strong>{{euros totals.inclVatCents}}</strong> for order {{reference}} did not go through.</p>
<p style="padding:12px 16px;background:#fbeeee;border-left:4px solid #b3261e">{{paragraphs comment}}</p>
<p>The products are back in your cart: <a href="{{cartUrl}}">check out again</a> when you are ready.</p>
{{> orderLink}}
`,
  },
};
