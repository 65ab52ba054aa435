import type { Localized, MailTemplate } from '../render';
import type { OrderMailData } from './order-summary';

export interface OrderStatusChangedData extends OrderMailData {
  /** The new status as a person reads it, in the mail's language ("Expédiée", "Shipped"). */
  status: string;
  /** Who made the change: the consultant's name. */
  by: string;
  comment: string;
}

/** Sent for each change a consultant makes, with the comment written for the client. */
export const orderStatusChanged: Localized<MailTemplate> = {
  fr: {
    subject: 'Commande {{reference}}\u00a0: {{status}}',
    text: `Bonjour {{firstName}},

{{by}} a mis à jour votre commande {{reference}}\u00a0: elle est maintenant «\u00a0{{status}}\u00a0».

Son commentaire\u00a0:
{{comment}}

{{> orderLink}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Commande {{reference}}\u00a0: {{status}}</h1>
<p>Bonjour {{firstName}},</p>
<p>{{by}} a mis à jour votre commande {{reference}}\u00a0: elle est maintenant <strong>{{status}}</strong>.</p>
<p style="margin-bottom:4px">Son commentaire\u00a0:</p>
<p style="margin-top:0;padding:12px 16px;background:#f3f5f0;border-left:4px solid #2f6b3a">{{paragraphs comment}}</p>
{{> orderLink}}
`,
  },
  en: {
    subject: 'Order {{reference}}: {{status}}',
    text: `Hello {{firstName}},

{{by}} updated your order {{reference}}: it is now "{{status}}".

Their comment:
{{comment}}

{{> orderLink}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Order {{reference}}: {{status}}</h1>
<p>Hello {{firstName}},</p>
<p>{{by}} updated your order {{reference}}: it is now <strong>{{status}}</strong>.</p>
<p style="margin-bottom:4px">Their comment:</p>
<p style="margin-top:0;padding:12px 16px;background:#f3f5f0;border-left:4px solid #2f6b3a">{{paragraphs comment}}</p>
{{> orderLink}}
`,
  },
};
