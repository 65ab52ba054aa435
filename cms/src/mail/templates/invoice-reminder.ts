import type { Localized, MailTemplate } from '../render';

export interface InvoiceReminderData {
  firstName: string;
  companyName: string;
  number: string;
  /** YYYY-MM-DD */
  issueDate: string;
  dueDate: string;
  balanceCents: number;
  /** The second and third reminders (due date +15 and +30 days) say so. */
  followUp: boolean;
  iban: string;
  bic: string;
  invoicesUrl: string;
}

/** Sent to a company's admins and accountants when an invoice is unpaid 1, 15 and 30 days after its due date, once each. */
export const invoiceReminder: Localized<MailTemplate> = {
  fr: {
    subject: '{{#if followUp}}Relance{{else}}Rappel{{/if}}\u00a0: facture {{number}} échue le {{date dueDate}}',
    text: `Bonjour {{firstName}},

La facture {{number}} de {{companyName}}, émise le {{date issueDate}}, était à payer le {{date dueDate}}. Il reste {{euros balanceCents}} à régler.

Merci d’effectuer le virement sur\u00a0:
IBAN\u00a0: {{iban}}
BIC\u00a0: {{bic}}
Référence à indiquer\u00a0: {{number}}

Tant qu’elle n’est pas réglée, votre entreprise ne peut plus commander sur facture. Si le virement est déjà parti, ne tenez pas compte de ce message.

Vos factures\u00a0: {{invoicesUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Facture {{number}} à régler</h1>
<p>Bonjour {{firstName}},</p>
<p>La facture {{number}} de {{companyName}}, émise le {{date issueDate}}, était à payer le {{date dueDate}}. Il reste <strong>{{euros balanceCents}}</strong> à régler.</p>
<p>Merci d’effectuer le virement sur&nbsp;:<br>IBAN&nbsp;: {{iban}}<br>BIC&nbsp;: {{bic}}<br>Référence à indiquer&nbsp;: <strong>{{number}}</strong></p>
<p>Tant qu’elle n’est pas réglée, votre entreprise ne peut plus commander sur facture. Si le virement est déjà parti, ne tenez pas compte de ce message.</p>
<p><a href="{{invoicesUrl}}">Voir vos factures</a></p>
`,
  },
  en: {
    subject: '{{#if followUp}}Second notice{{else}}Reminder{{/if}}: invoice {{number}} was due on {{date dueDate}}',
    text: `Hello {{firstName}},

Invoice {{number}} to {{companyName}}, issued on {{date issueDate}}, was due on {{date dueDate}}. {{euros balanceCents}} is left to pay.

Please make the transfer to:
IBAN: {{iban}}
BIC: {{bic}}
Reference: {{number}}

Until it is settled, your company cannot order on invoice. If the transfer has already left, please disregard this message.

Your invoices: {{invoicesUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Invoice {{number}} is due</h1>
<p>Hello {{firstName}},</p>
<p>Invoice {{number}} to {{companyName}}, issued on {{date issueDate}}, was due on {{date dueDate}}. <strong>{{euros balanceCents}}</strong> is left to pay.</p>
<p>Please make the transfer to:<br>IBAN: {{iban}}<br>BIC: {{bic}}<br>Reference: <strong>{{number}}</strong></p>
<p>Until it is settled, your company cannot order on invoice. If the transfer has already left, please disregard this message.</p>
<p><a href="{{invoicesUrl}}">See your invoices</a></p>
`,
  },
};
