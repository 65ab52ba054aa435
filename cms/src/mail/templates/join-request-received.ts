import type { Localized, MailTemplate } from '../render';

export interface JoinRequestReceivedData {
  /** The admin mailed. */
  firstName: string;
  legalName: string;
  /** Who asks to join: name and email. */
  requester: string;
  email: string;
  companyUrl: string;
}

/** Someone registered with the company's SIRET: each of its admins is asked to decide. */
export const joinRequestReceived: Localized<MailTemplate> = {
  fr: {
    subject: '{{requester}} demande à rejoindre {{legalName}}',
    text: `Bonjour {{firstName}},

{{requester}} ({{email}}) s’est inscrit sur Ventalis avec le SIRET de {{legalName}} et demande à rejoindre votre entreprise.

Acceptez la demande en choisissant son rôle, ou refusez-la, ici\u00a0:
{{companyUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Demande d’adhésion à {{legalName}}</h1>
<p>Bonjour {{firstName}},</p>
<p><strong>{{requester}}</strong> ({{email}}) s’est inscrit sur Ventalis avec le SIRET de {{legalName}} et demande à rejoindre votre entreprise.</p>
<p><a href="{{companyUrl}}">Acceptez la demande en choisissant son rôle, ou refusez-la</a>.</p>
`,
  },
  en: {
    subject: '{{requester}} asks to join {{legalName}}',
    text: `Hello {{firstName}},

{{requester}} ({{email}}) registered on Ventalis with the SIRET of {{legalName}} and asks to join your company.

Accept the request, choosing their role, or refuse it, here:
{{companyUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Request to join {{legalName}}</h1>
<p>Hello {{firstName}},</p>
<p><strong>{{requester}}</strong> ({{email}}) registered on Ventalis with the SIRET of {{legalName}} and asks to join your company.</p>
<p><a href="{{companyUrl}}">Accept the request, choosing their role, or refuse it</a>.</p>
`,
  },
};
