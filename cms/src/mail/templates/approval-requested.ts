import type { Localized, MailTemplate } from '../render';
import type { OrderMailData } from './order-summary';

export interface ApprovalRequestedData extends OrderMailData {
  /** The admin this mail goes to. */
  adminFirstName: string;
  buyerName: string;
  until: string;
  approvalsUrl: string;
}

/** Sent to each admin of the company when a buyer's order passes their limit. */
export const approvalRequested: Localized<MailTemplate> = {
  fr: {
    subject: 'Commande {{reference}} de {{buyerName}} à valider',
    text: `Bonjour {{adminFirstName}},

{{buyerName}} a passé la commande {{reference}} pour {{companyName}}, au-delà de son plafond d’achat. Elle attend votre validation jusqu’au {{dateTime until}} ; ses produits sont réservés jusque-là.

{{> orderSummary}}

Valider ou refuser : {{approvalsUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Commande {{reference}} à valider</h1>
<p>Bonjour {{adminFirstName}},</p>
<p>{{buyerName}} a passé la commande {{reference}} pour {{companyName}}, au-delà de son plafond d’achat. Elle attend votre validation jusqu’au {{dateTime until}} ; ses produits sont réservés jusque-là.</p>
{{> orderSummary}}
<p><a href="{{approvalsUrl}}">Valider ou refuser la commande</a></p>
`,
  },
  en: {
    subject: 'Order {{reference}} by {{buyerName}} awaits your approval',
    text: `Hello {{adminFirstName}},

{{buyerName}} placed order {{reference}} for {{companyName}}, above their spending limit. It waits for your approval until {{dateTime until}}; its products are set aside until then.

{{> orderSummary}}

Approve or decline: {{approvalsUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Order {{reference}} awaits your approval</h1>
<p>Hello {{adminFirstName}},</p>
<p>{{buyerName}} placed order {{reference}} for {{companyName}}, above their spending limit. It waits for your approval until {{dateTime until}}; its products are set aside until then.</p>
{{> orderSummary}}
<p><a href="{{approvalsUrl}}">Approve or decline the order</a></p>
`,
  },
};
