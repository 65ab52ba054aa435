import type { Localized, MailTemplate } from '../render';

export interface JoinApprovedData {
  firstName: string;
  legalName: string;
  /** The role given, in the mail's language. */
  role: string;
  accountUrl: string;
}

export interface JoinRefusedData {
  firstName: string;
  legalName: string;
  /** The admin's word for the person, possibly empty. */
  comment: string;
}

/** An admin accepted a request to join: the person is a member with this role. */
export const joinApproved: Localized<MailTemplate> = {
  fr: {
    subject: 'Bienvenue chez {{legalName}} sur Ventalis',
    text: `Bonjour {{firstName}},

Votre demande pour rejoindre {{legalName}} est acceptée\u00a0: vous en êtes membre, en tant que {{role}}.

Votre espace\u00a0: {{accountUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Bienvenue chez {{legalName}}</h1>
<p>Bonjour {{firstName}},</p>
<p>Votre demande pour rejoindre {{legalName}} est acceptée\u00a0: vous en êtes membre, en tant que {{role}}.</p>
<p><a href="{{accountUrl}}">Ouvrir votre espace</a></p>
`,
  },
  en: {
    subject: 'Welcome to {{legalName}} on Ventalis',
    text: `Hello {{firstName}},

Your request to join {{legalName}} is accepted: you are a member, as {{role}}.

Your account: {{accountUrl}}
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Welcome to {{legalName}}</h1>
<p>Hello {{firstName}},</p>
<p>Your request to join {{legalName}} is accepted: you are a member, as {{role}}.</p>
<p><a href="{{accountUrl}}">Open your account</a></p>
`,
  },
};

/** An admin refused a request to join, with or without a word. */
export const joinRefused: Localized<MailTemplate> = {
  fr: {
    subject: 'Votre demande pour rejoindre {{legalName}}',
    text: `Bonjour {{firstName}},

Les administrateurs de {{legalName}} n’ont pas accepté votre demande pour rejoindre l’entreprise sur Ventalis.
{{#if comment}}

Leur message\u00a0:
{{comment}}
{{/if}}

Si c’est une erreur, contactez directement une personne de l’entreprise\u00a0: elle peut vous inviter.
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Votre demande pour rejoindre {{legalName}}</h1>
<p>Bonjour {{firstName}},</p>
<p>Les administrateurs de {{legalName}} n’ont pas accepté votre demande pour rejoindre l’entreprise sur Ventalis.</p>
{{#if comment}}
<p style="padding:12px 16px;background:#f3f5f0;border-left:4px solid #2f6b3a">{{paragraphs comment}}</p>
{{/if}}
<p>Si c’est une erreur, contactez directement une personne de l’entreprise\u00a0: elle peut vous inviter.</p>
`,
  },
  en: {
    subject: 'Your request to join {{legalName}}',
    text: `Hello {{firstName}},

The administrators of {{legalName}} did not accept your request to join the company on Ventalis.
{{#if comment}}

Their message:
{{comment}}
{{/if}}

If this is a mistake, contact someone at the company directly: they can invite you.
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Your request to join {{legalName}}</h1>
<p>Hello {{firstName}},</p>
<p>The administrators of {{legalName}} did not accept your request to join the company on Ventalis.</p>
{{#if comment}}
<p style="padding:12px 16px;background:#f3f5f0;border-left:4px solid #2f6b3a">{{paragraphs comment}}</p>
{{/if}}
<p>If this is a mistake, contact someone at the company directly: they can invite you.</p>
`,
  },
};
