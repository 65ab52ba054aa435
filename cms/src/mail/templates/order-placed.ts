import type { Localized, MailTemplate } from '../render';
import type { OrderMailData } from './order-summary';

export type OrderPlacedData = OrderMailData;

/** Sent when checkout places the order: what was ordered, at which price. */
export const orderPlaced: Localized<MailTemplate> = {
  fr: {
    subject: 'Commande {{reference}} reçue',
    text: `Bonjour {{firstName}},

Merci pour votre commande {{reference}} pour {{companyName}}{{#if purchaseOrderNumber}} (bon de commande {{purchaseOrderNumber}}){{/if}}. {{#if awaitingApproval}}Elle dépasse votre plafond d’achat et attend la validation d’un administrateur de votre entreprise jusqu’au {{dateTime awaitingApproval.until}} ; ses produits vous sont réservés jusque-là.{{else if onInvoice}}Elle est confirmée et payable sur facture, par virement, au plus tard le {{date onInvoice.dueDate}}.{{else}}Les produits ci-dessous vous sont réservés jusqu’à réception du paiement.{{/if}}

{{> orderSummary}}

{{> orderLink}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Commande {{reference}} reçue</h1>
<p>Bonjour {{firstName}},</p>
<p>Merci pour votre commande {{reference}} pour {{companyName}}{{#if purchaseOrderNumber}} (bon de commande {{purchaseOrderNumber}}){{/if}}. {{#if awaitingApproval}}Elle dépasse votre plafond d’achat et attend la validation d’un administrateur de votre entreprise jusqu’au {{dateTime awaitingApproval.until}} ; ses produits vous sont réservés jusque-là.{{else if onInvoice}}Elle est confirmée et payable sur facture, par virement, au plus tard le {{date onInvoice.dueDate}}.{{else}}Les produits ci-dessous vous sont réservés jusqu’à réception du paiement.{{/if}}</p>
{{> orderSummary}}
{{> orderLink}}
`,
  },
  en: {
    subject: 'Order {{reference}} received',
    text: `Hello {{firstName}},

Thank you for your order {{reference}} for {{companyName}}{{#if purchaseOrderNumber}} (purchase order {{purchaseOrderNumber}}){{/if}}. {{#if awaitingApproval}}It is above your spending limit and waits for the approval of an administrator of your company until {{dateTime awaitingApproval.until}}; its products are set aside for you until then.{{else if onInvoice}}It is confirmed and payable on invoice, by bank transfer, by {{date onInvoice.dueDate}}.{{else}}The products below are reserved for you until the payment is received.{{/if}}

{{> orderSummary}}

{{> orderLink}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Order {{reference}} received</h1>
<p>Hello {{firstName}},</p>
<p>Thank you for your order {{reference}} for {{companyName}}{{#if purchaseOrderNumber}} (purchase order {{purchaseOrderNumber}}){{/if}}. {{#if awaitingApproval}}It is above your spending limit and waits for the approval of an administrator of your company until {{dateTime awaitingApproval.until}}; its products are set aside for you until then.{{else if onInvoice}}It is confirmed and payable on invoice, by bank transfer, by {{date onInvoice.dueDate}}.{{else}}The products below are reserved for you until the payment is received.{{/if}}</p>
{{> orderSummary}}
{{> orderLink}}
`,
  },
};
