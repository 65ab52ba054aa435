import type { Core } from '@strapi/strapi';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Every mail Ventalis sends, as plain text with a simple HTML twin. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const send = async ({ to, subject, text }: Mail) => {
    const html = `<div style="font-family:sans-serif;line-height:1.5">${escapeHtml(text)
      .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')
      .replace(/\n/g, '<br>')}</div>`;
    await strapi.plugin('email').service('email').send({ to, subject, text, html });
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
