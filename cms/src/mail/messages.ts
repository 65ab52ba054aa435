import { formatInteger } from '@ventalis/contracts/format';
import type { Locale } from '@ventalis/contracts/locale';
import { ORDER_STATUS_LABELS, type OrderStatus } from '@ventalis/contracts/order-status';
import type { Localized } from './render';

/**
 * The words of the emails written as plain text (accounts, invitations, chat summaries) and
 * the pieces order emails fill in (status names, who acted, the shop's own comments), in
 * every language Ventalis speaks. The order emails themselves are Handlebars templates
 * (./templates). French uses a no-break space before « : ; ? ! » and inside « ».
 */
const NBSP = '\u00a0';

export interface PlainMail {
  subject: string;
  text: string;
}

export const passwordResetMail: Localized<(link: string, ttlMinutes: number) => PlainMail> = {
  fr: (link, ttlMinutes) => ({
    subject: 'Réinitialisez votre mot de passe Ventalis',
    text: `Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Ventalis.\n\nChoisissez un nouveau mot de passe ici (le lien ne sert qu’une fois, pendant ${ttlMinutes}${NBSP}minutes)${NBSP}:\n${link}\n\nSi ce n’était pas vous, ignorez ce message${NBSP}: votre mot de passe reste inchangé.`,
  }),
  en: (link, ttlMinutes) => ({
    subject: 'Reset your Ventalis password',
    text: `Someone asked to reset the password of your Ventalis account.\n\nChoose a new password here (the link works once, for ${ttlMinutes} minutes):\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.`,
  }),
};

export const registrationAttemptMail: Localized<(forgotPasswordLink: string) => PlainMail> = {
  fr: (link) => ({
    subject: 'Quelqu’un a tenté de s’inscrire avec votre adresse',
    text: `Quelqu’un a tenté d’ouvrir un compte Ventalis avec cette adresse e-mail, qui en a déjà un.\n\nSi c’était vous${NBSP}: connectez-vous, ou si vous avez oublié votre mot de passe, choisissez-en un nouveau ici${NBSP}:\n${link}\n\nSi ce n’était pas vous, ignorez ce message${NBSP}: votre compte est inchangé.`,
  }),
  en: (link) => ({
    subject: 'Someone tried to register with your address',
    text: `Someone tried to open a Ventalis account with this email address, which already has one.\n\nIf it was you: sign in, or if you forgot your password, choose a new one here:\n${link}\n\nIf it was not you, ignore this message: your account is unchanged.`,
  }),
};

export const emailConfirmationMail: Localized<(link: string) => PlainMail> = {
  fr: (link) => ({
    subject: 'Confirmez votre compte Ventalis',
    text: `Bienvenue chez Ventalis.\n\nConfirmez votre adresse e-mail pour commencer à commander${NBSP}:\n${link}\n`,
  }),
  en: (link) => ({
    subject: 'Confirm your Ventalis account',
    text: `Welcome to Ventalis.\n\nConfirm your email address to start ordering:\n${link}\n`,
  }),
};

export const consultantInvitationMail: Localized<(firstName: string, panelLink: string, storefrontLink: string) => PlainMail> = {
  fr: (firstName, panelLink, storefrontLink) => ({
    subject: 'Vos comptes de consultant Ventalis',
    text: `Bonjour ${firstName},\n\nVous êtes désormais consultant Ventalis.\n\nPanneau d’administration (catalogue)${NBSP}: terminez la création de votre compte ici${NBSP}:\n${panelLink}\n\nEspace de travail sur la boutique (vos clients et leurs commandes)${NBSP}: choisissez votre mot de passe ici${NBSP}:\n${storefrontLink}\n`,
  }),
  en: (firstName, panelLink, storefrontLink) => ({
    subject: 'Your Ventalis consultant accounts',
    text: `Hello ${firstName},\n\nYou are now a Ventalis consultant.\n\nAdmin panel (catalogue): finish creating your panel account here:\n${panelLink}\n\nStorefront workspace (your clients and their orders): choose your password here:\n${storefrontLink}\n`,
  }),
};

// ---------------------------------------------------------------- chat summaries
const count = (locale: Locale, n: number, one: string, many: string) => `${formatInteger(n, locale)} ${n === 1 ? one : many}`;

export interface SummarySection {
  names: string;
  order: string | null;
  /** The quote the conversation is about, if any. */
  quote: string | null;
  unread: number;
  lines: string[];
  more: number;
  link: string;
}

/** The conversations a summary does not list: how many, their unread messages, and where to read them all. */
export interface SummaryOthers {
  conversations: number;
  unread: number;
  link: string;
}

export const chatSummaryMail: Localized<(name: string | null, total: number, sections: SummarySection[], others: SummaryOthers | null, awayMinutes: number) => PlainMail> = {
  fr: (name, total, sections, others, awayMinutes) => ({
    subject: `Vous avez ${count('fr', total, 'message non lu', 'messages non lus')} sur Ventalis`,
    text: `Bonjour${name ? ` ${name}` : ''},\n\nPendant votre absence, vous avez reçu ${count('fr', total, 'message', 'messages')}${NBSP}:\n\n${sections
      .map((s) =>
        [
          `Avec ${s.names}${s.order ? ` au sujet de la commande ${s.order}` : ''}${s.quote ? ` au sujet du devis ${s.quote}` : ''} — ${count('fr', s.unread, 'message non lu', 'messages non lus')}${NBSP}:`,
          ...s.lines,
          ...(s.more > 0 ? [`  …et ${count('fr', s.more, 'message plus ancien', 'messages plus anciens')}`] : []),
          `  Lire et répondre${NBSP}: ${s.link}`,
        ].join('\n'),
      )
      .join('\n\n')}${others ? `\n\n…et ${count('fr', others.conversations, 'autre conversation', 'autres conversations')} avec ${count('fr', others.unread, 'message non lu', 'messages non lus')}${NBSP}: ${others.link}` : ''}\n\nVous recevez un tel e-mail chaque fois que vous êtes absent ${awayMinutes}${NBSP}minutes avec des messages non lus.\n`,
  }),
  en: (name, total, sections, others, awayMinutes) => ({
    subject: `You have ${count('en', total, 'unread message', 'unread messages')} on Ventalis`,
    text: `Hello${name ? ` ${name}` : ''},\n\nWhile you were away, you received ${count('en', total, 'message', 'messages')}:\n\n${sections
      .map((s) =>
        [
          `With ${s.names}${s.order ? ` about order ${s.order}` : ''}${s.quote ? ` about quote ${s.quote}` : ''} — ${count('en', s.unread, 'unread message', 'unread messages')}:`,
          ...s.lines,
          ...(s.more > 0 ? [`  …and ${count('en', s.more, 'earlier message', 'earlier messages')}`] : []),
          `  Read and answer: ${s.link}`,
        ].join('\n'),
      )
      .join('\n\n')}${others ? `\n\n…and ${count('en', others.conversations, 'other conversation', 'other conversations')} with ${count('en', others.unread, 'unread message', 'unread messages')}: ${others.link}` : ''}\n\nYou receive one such email each time you are away for ${awayMinutes} minutes with unread messages.\n`,
  }),
};

// ---------------------------------------------------------------- order emails' pieces
export const STATUS_NAMES: Localized<Record<OrderStatus, string>> = {
  fr: {
    awaiting_approval: 'En attente de validation',
    awaiting_payment: 'En attente de paiement',
    paid: 'Payée',
    in_progress: 'En préparation',
    shipped: 'Expédiée',
    delivered: 'Livrée',
    cancelled: 'Annulée',
    payment_failed: 'Paiement refusé',
  },
  en: ORDER_STATUS_LABELS,
};

/** Who acted, when it is not a named person. */
export const ACTORS: Localized<{ customer: string; companyAdmin: string; consultant: string; shop: string }> = {
  fr: { customer: 'vous-même', companyAdmin: 'un administrateur de votre entreprise', consultant: 'votre consultant', shop: 'Ventalis' },
  en: { customer: 'you', companyAdmin: "an administrator of your company", consultant: 'your consultant', shop: 'Ventalis' },
};

/**
 * The shop's own comments on an order (the lifecycle stores them in English, as history), in
 * the reader's language: one list in the contracts, for these emails and the storefront's order pages.
 */
export { consultantTakesOver, shopComment } from '@ventalis/contracts/shop-comments';

// ---------------------------------------------------------------- the panel's own mail
/**
 * The panel's "forgot password" mail (Strapi's own, lodash template with `url`), in French
 * then English: an administrator's panel language lives in their browser, out of the cms' reach.
 */
export const adminPasswordResetTemplate = {
  subject: 'Réinitialisation de votre mot de passe Ventalis / Reset your Ventalis password',
  text: `Vous avez demandé à réinitialiser le mot de passe de votre compte d’administration Ventalis. Choisissez-en un nouveau ici${NBSP}:

<%= url %>

Si ce n’était pas vous, ignorez ce message.

—

You asked to reset the password of your Ventalis panel account. Choose a new one here:

<%= url %>

If it was not you, ignore this message.`,
  html: `<p lang="fr">Vous avez demandé à réinitialiser le mot de passe de votre compte d’administration Ventalis. Choisissez-en un nouveau ici${NBSP}:</p>
<p><a href="<%= url %>"><%= url %></a></p>
<p lang="fr">Si ce n’était pas vous, ignorez ce message.</p>
<hr>
<p lang="en">You asked to reset the password of your Ventalis panel account. Choose a new one here:</p>
<p><a href="<%= url %>"><%= url %></a></p>
<p lang="en">If it was not you, ignore this message.</p>`,
};

// ---------------------------------------------------------------- client companies
/** A member's role in a company, as a mail names it ("as {{role}}"). */
export const COMPANY_ROLE_NAMES: Localized<Record<'admin' | 'buyer' | 'accountant', string>> = {
  fr: { admin: 'administrateur', buyer: 'acheteur', accountant: 'comptable' },
  en: { admin: 'administrator', buyer: 'buyer', accountant: 'accountant' },
};
