import type { Core } from '@strapi/strapi';
import type { Locale } from '@ventalis/contracts/locale';
import { mails } from '../../../mail/templates';
import { consultantInvitationMail, emailConfirmationMail, passwordResetMail, registrationAttemptMail, type PlainMail } from '../../../mail/messages';

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
}

/**
 * Every mail Ventalis sends, as plain text and HTML from the templates of src/mail, each in
 * its recipient's language (the account's `locale`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const send = async ({ to, subject, text, html, locale = 'fr', attachments }: Mail) => {
    const composed = html === undefined ? mails.plainMessage(locale, { subject, text }) : { subject, text, html };
    await strapi.plugin('email').service('email').send({ to, ...composed, ...(attachments?.length ? { attachments } : {}) });
  };

  /** Sends after the surrounding work is done, logging instead of failing the request. */
  const sendLater = (mail: Mail) => {
    setImmediate(() => {
      send(mail).catch((error: unknown) => strapi.log.error(`Mail to ${mail.to} failed: ${String(error)}`));
    });
  };

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
