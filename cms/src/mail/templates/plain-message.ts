import type { Localized, MailTemplate } from '../render';

export interface PlainMessageData {
  subject: string;
  text: string;
}

const plain: MailTemplate = { subject: '{{subject}}', text: '{{text}}', html: '<p>{{paragraphs text}}</p>' };

/** A message written as plain text (password reset, invitations, summaries), with its HTML twin. */
export const plainMessage: Localized<MailTemplate> = { fr: plain, en: plain };
