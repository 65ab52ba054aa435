import type { MailTemplate } from '../render';

export interface PlainMessageData {
  subject: string;
  text: string;
}

/** A message written as plain text (password reset, invitations, summaries), with its HTML twin. */
export const plainMessage: MailTemplate = {
  subject: '{{subject}}',
  text: '{{text}}',
  html: '<p>{{paragraphs text}}</p>',
};
