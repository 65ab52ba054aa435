import type { Localized, MailTemplate } from '../render';

export interface CompanyInvitationData {
  /** The inviting admin's name. */
  inviter: string;
  legalName: string;
  /** The role offered, in the mail's language. */
  role: string;
  acceptUrl: string;
  expiresAt: string;
}

/** A company admin invites a colleague: a single-use link, valid 7 days. */
export const companyInvitation: Localized<MailTemplate> = {
  fr: {
    subject: '{{inviter}} vous invite à rejoindre {{legalName}} sur Ventalis',
    text: `Bonjour,

{{inviter}} vous invite à rejoindre l’espace de {{legalName}} sur Ventalis, en tant que {{role}}.

Acceptez l’invitation ici (le lien ne sert qu’une fois, jusqu’au {{dateTime expiresAt}})\u00a0:
{{acceptUrl}}

Si vous ne vous attendiez pas à cette invitation, ignorez ce message.
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Invitation à rejoindre {{legalName}}</h1>
<p>Bonjour,</p>
<p>{{inviter}} vous invite à rejoindre l’espace de <strong>{{legalName}}</strong> sur Ventalis, en tant que {{role}}.</p>
<p><a href="{{acceptUrl}}" style="display:inline-block;padding:10px 18px;background:#2f6b3a;color:#ffffff;border-radius:6px;text-decoration:none">Accepter l’invitation</a></p>
<p style="color:#5b6b5c">Le lien ne sert qu’une fois, jusqu’au {{dateTime expiresAt}}. Si vous ne vous attendiez pas à cette invitation, ignorez ce message.</p>
`,
  },
  en: {
    subject: '{{inviter}} invites you to join {{legalName}} on Ventalis',
    text: `Hello,

{{inviter}} invites you to join {{legalName}}'s space on Ventalis, as {{role}}.

Accept the invitation here (the link works once, until {{dateTime expiresAt}}):
{{acceptUrl}}

If you did not expect this invitation, ignore this message.
`,
    html: `<h1 style="font-size:20px;margin:0 0 12px">Invitation to join {{legalName}}</h1>
<p>Hello,</p>
<p>{{inviter}} invites you to join <strong>{{legalName}}</strong>'s space on Ventalis, as {{role}}.</p>
<p><a href="{{acceptUrl}}" style="display:inline-block;padding:10px 18px;background:#2f6b3a;color:#ffffff;border-radius:6px;text-decoration:none">Accept the invitation</a></p>
<p style="color:#5b6b5c">The link works once, until {{dateTime expiresAt}}. If you did not expect this invitation, ignore this message.</p>
`,
  },
};
