import type { MailTemplate } from '../render';
import type { OrderMailData } from './order-summary';

export interface OrderStatusChangedData extends OrderMailData {
  /** The new status as a person reads it ("Shipped"). */
  status: string;
  /** Who made the change: the consultant's name. */
  by: string;
  comment: string;
}

/** Sent for each change a consultant makes, with the comment written for the client. */
export const orderStatusChanged: MailTemplate = {
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
};
