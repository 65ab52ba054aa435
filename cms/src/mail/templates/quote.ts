import type { Localized, MailTemplate } from '../render';

export interface QuoteSentData {
  firstName: string;
  number: string;
  companyName: string;
  /** YYYY-MM-DD: the offer's last day. */
  validUntil: string;
  totalExclVatCents: number;
  /** The consultant's word with the offer; empty when none. */
  comment: string;
  quoteUrl: string;
}

/** Sent to the buyer who asked, with the quote's PDF attached, each time their consultant sends or revises the offer. */
export const quoteSent: Localized<MailTemplate> = {
  fr: {
    subject: 'Votre devis {{number}} est prêt',
    text: `Bonjour {{firstName}},

Votre consultant a établi le devis {{number}} pour {{companyName}}\u00a0: {{euros totalExclVatCents}} HT, valable jusqu’au {{date validUntil}} inclus. Vous le trouverez en PDF joint à ce message.
{{#if comment}}

Son message\u00a0:
{{comment}}
{{/if}}

Pour l’accepter (la commande est alors passée aux prix du devis) ou le refuser\u00a0: {{quoteUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Votre devis {{number}} est prêt</h1>
<p>Bonjour {{firstName}},</p>
<p>Votre consultant a établi le devis {{number}} pour {{companyName}}&nbsp;: <strong>{{euros totalExclVatCents}} HT</strong>, valable jusqu’au {{date validUntil}} inclus. Vous le trouverez en PDF joint à ce message.</p>
{{#if comment}}<p>Son message&nbsp;:</p><blockquote style="margin:0 0 12px;padding-left:12px;border-left:3px solid #d1d5db">{{paragraphs comment}}</blockquote>{{/if}}
<p><a href="{{quoteUrl}}">Accepter ou refuser le devis</a></p>
`,
  },
  en: {
    subject: 'Your quote {{number}} is ready',
    text: `Hello {{firstName}},

Your consultant has prepared quote {{number}} for {{companyName}}: {{euros totalExclVatCents}} excl. VAT, valid until {{date validUntil}} included. You will find it as a PDF attached to this message.
{{#if comment}}

Their message:
{{comment}}
{{/if}}

To accept it (the order is then placed at the quoted prices) or decline it: {{quoteUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Your quote {{number}} is ready</h1>
<p>Hello {{firstName}},</p>
<p>Your consultant has prepared quote {{number}} for {{companyName}}: <strong>{{euros totalExclVatCents}} excl. VAT</strong>, valid until {{date validUntil}} included. You will find it as a PDF attached to this message.</p>
{{#if comment}}<p>Their message:</p><blockquote style="margin:0 0 12px;padding-left:12px;border-left:3px solid #d1d5db">{{paragraphs comment}}</blockquote>{{/if}}
<p><a href="{{quoteUrl}}">Accept or decline the quote</a></p>
`,
  },
};

export interface QuoteRequestedData {
  /** The consultant this mail goes to. */
  firstName: string;
  number: string;
  companyName: string;
  requestedBy: string;
  message: string;
  quoteUrl: string;
}

/** Sent to the company's consultant when one of its buyers asks for a quote. */
export const quoteRequested: Localized<MailTemplate> = {
  fr: {
    subject: 'Demande de devis {{number}} de {{companyName}}',
    text: `Bonjour {{firstName}},

{{requestedBy}} ({{companyName}}) vous demande un devis, {{number}}\u00a0:

{{message}}

Établir et envoyer le devis\u00a0: {{quoteUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Demande de devis {{number}}</h1>
<p>Bonjour {{firstName}},</p>
<p>{{requestedBy}} ({{companyName}}) vous demande un devis, {{number}}&nbsp;:</p>
<blockquote style="margin:0 0 12px;padding-left:12px;border-left:3px solid #d1d5db">{{paragraphs message}}</blockquote>
<p><a href="{{quoteUrl}}">Établir et envoyer le devis</a></p>
`,
  },
  en: {
    subject: 'Quote request {{number}} from {{companyName}}',
    text: `Hello {{firstName}},

{{requestedBy}} ({{companyName}}) asks you for a quote, {{number}}:

{{message}}

Prepare and send the quote: {{quoteUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Quote request {{number}}</h1>
<p>Hello {{firstName}},</p>
<p>{{requestedBy}} ({{companyName}}) asks you for a quote, {{number}}:</p>
<blockquote style="margin:0 0 12px;padding-left:12px;border-left:3px solid #d1d5db">{{paragraphs message}}</blockquote>
<p><a href="{{quoteUrl}}">Prepare and send the quote</a></p>
`,
  },
};
