import type { Core } from '@strapi/strapi';
import { mails } from '../../../mail/templates';

interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Given by mails composed from a template; a plain-text mail gets its HTML twin here. */
  html?: string;
}

/** Every mail Ventalis sends, as plain text and HTML from the templates of src/mail. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const send = async ({ to, subject, text, html }: Mail) => {
    const composed = html === undefined ? mails.plainMessage({ subject, text }) : { subject, text, html };
    await strapi.plugin('email').service('email').send({ to, ...composed });
  };

  /** Sends after the surrounding work is done, logging instead of failing the request. */
  const sendLater = (mail: Mail) => {
    setImmediate(() => {
      send(mail).catch((error: unknown) => strapi.log.error(`Mail to ${mail.to} failed: ${String(error)}`));
    });
  };

  return {
    send,
    sendLater,

    passwordReset(to: string, link: string, ttlMinutes: number) {
      return send({
        to,
        subject: 'Reset your Ventalis password',
        text: `Someone asked to reset the password of your Ventalis account.\n\nChoose a new password here (the link works once, for ${ttlMinutes} minutes):\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.`,
      });
    },

    /** Someone tried to open an account with this address: its owner hears of it, the caller learns nothing. */
    registrationAttempt(to: string, forgotPasswordLink: string) {
      sendLater({
        to,
        subject: 'Someone tried to register with your address',
        text: `Someone tried to open a Ventalis account with this email address, which already has one.\n\nIf it was you: sign in, or if you forgot your password, choose a new one here:\n${forgotPasswordLink}\n\nIf it was not you, ignore this message: your account is unchanged.`,
      });
    },

    consultantInvitation(to: string, firstName: string, panelLink: string, storefrontLink: string) {
      return send({
        to,
        subject: 'Your Ventalis consultant accounts',
        text: `Hello ${firstName},\n\nYou are now a Ventalis consultant.\n\nAdmin panel (catalogue): finish creating your panel account here:\n${panelLink}\n\nStorefront workspace (your clients and their orders): choose your password here:\n${storefrontLink}\n`,
      });
    },
  };
};
