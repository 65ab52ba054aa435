import type { Core } from '@strapi/strapi';
import type { Locale } from '@ventalis/contracts/locale';
import { mails } from '../../../mail/templates';
import { randomUUID } from 'node:crypto';
import { addJob, defineJob } from '../../../jobs/jobs';
import { consultantInvitationMail, emailConfirmationMail, passwordResetMail, registrationAttemptMail, type PlainMail } from '../../../mail/messages';
import { inBackground } from '../../../utils/background';

interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Given by mails composed from a template; a plain-text mail gets its HTML twin here. */
  html?: string;
  /** The language the mail is written in (the HTML's lang); French when not said. */
  locale?: Locale;
  /** Files sent with it (a quote's PDF). */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** Names this mail once and for all (an invoice's third reminder to one reader): given again, it is not sent again. */
  key?: string;
}

/** A mail as its job carries it: JSON, attachments in base64. */
interface MailJob {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

/**
 * Every mail Ventalis sends, as plain text and HTML from the templates of src/mail, each in
 * its recipient's language (the account's `locale`).
 *
 * Each mail is a job (src/jobs): a mail server that refuses it is tried again with a growing
 * pause, and a mail given with a `key` already sent (within a day) is not sent again.
 * Without Redis, the first try is made before `send` returns.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  defineJob<MailJob>(
    'mail',
    async ({ attachments, ...mail }) => {
      const files = attachments?.map((file) => ({ ...file, content: Buffer.from(file.content, 'base64') }));
      await strapi.plugin('email').service('email').send({ ...mail, ...(files?.length ? { attachments: files } : {}) });
    },
    // Never the text: it may hold a reset link.
    ({ to, subject }) => `mail to ${to}: ${subject}`,
  );

  /** Queues the mail; it never fails the caller (a failure is retried, then shown to administrators). */
  const send = async ({ to, subject, text, html, locale = 'fr', attachments, key }: Mail) => {
    const composed = html === undefined ? mails.plainMessage(locale, { subject, text }) : { subject, text, html };
    const job: MailJob = {
      to,
      ...composed,
      ...(attachments?.length ? { attachments: attachments.map((file) => ({ ...file, content: file.content.toString('base64') })) } : {}),
    };
    await addJob('mail', job, `mail-${key ?? randomUUID()}`).catch((error: unknown) => strapi.log.error(`Mail to ${to} failed: ${String(error)}`));
  };

  /** Sends without holding up the answer (a graceful stop waits for it). */
  const sendLater = (mail: Mail) => inBackground(`The mail to ${mail.to} (${mail.subject})`, () => send(mail));

  const plain = (to: string, locale: Locale, mail: PlainMail): Mail => ({ to, locale, ...mail });

  return {
    send,
    sendLater,

    passwordReset(to: string, locale: Locale, link: string, ttlMinutes: number) {
      return send(plain(to, locale, passwordResetMail[locale](link, ttlMinutes)));
    },

    /** Someone tried to open an account with this address: its owner hears of it, the caller learns nothing. */
    registrationAttempt(to: string, locale: Locale, forgotPasswordLink: string) {
      sendLater(plain(to, locale, registrationAttemptMail[locale](forgotPasswordLink)));
    },

    emailConfirmation(to: string, locale: Locale, link: string) {
      return send(plain(to, locale, emailConfirmationMail[locale](link)));
    },

    consultantInvitation(to: string, locale: Locale, firstName: string, panelLink: string, storefrontLink: string) {
      return send(plain(to, locale, consultantInvitationMail[locale](firstName, panelLink, storefrontLink)));
    },
  };
};
