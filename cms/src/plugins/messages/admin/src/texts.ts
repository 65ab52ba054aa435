import { defineMessages, type MessageDescriptor } from 'react-intl';
import { isLocale } from '@ventalis/contracts/locale';
import type { FormatLocale } from '@ventalis/contracts/format';
import type { ChatErrorCode, ChatMember, PresenceStatus } from '@ventalis/contracts';
import en from './translations/en.json';
import fr from './translations/fr.json';

/**
 * The Messages page's words, in the panel's languages. Ids are written out in full
 * (`messages.thread.send`) in the sources and in translations/*.json alike, so that searching
 * an id finds both; a unit test fails when a source uses an id either file lacks.
 */
export const TRANSLATIONS: Record<string, Record<string, string>> = { en, fr };

/** For Strapi's `registerTrads`: the panel asks for each of its locales; English is its fallback. */
export function translationsFor(locales: string[]) {
  return locales.map((locale) => ({ locale, data: TRANSLATIONS[locale] ?? {} }));
}

/** The panel's language as the shared formatters know it: French, or English (the panel's fallback). */
export function formatLocaleOf(panelLocale: string): FormatLocale {
  const language = panelLocale.split('-')[0];
  return isLocale(language) ? language : 'en';
}

/** A sentence to show, worded when it is shown (so that it follows the panel's language). */
export type Text = MessageDescriptor & { id: string };

export const roleText: Record<ChatMember['role'], Text> = defineMessages({
  customer: { id: 'messages.role.customer' },
  consultant: { id: 'messages.role.consultant' },
  administrator: { id: 'messages.role.administrator' },
});

export const presenceText: Record<PresenceStatus, Text> = defineMessages({
  online: { id: 'messages.presence.online' },
  away: { id: 'messages.presence.away' },
  offline: { id: 'messages.presence.offline' },
});

export const text = defineMessages({
  order: { id: 'messages.order' },
  notSent: { id: 'messages.error.not-sent' },
  conversationNotLoaded: { id: 'messages.error.conversation-not-loaded' },
  conversationGone: { id: 'messages.error.conversation-gone' },
  olderNotLoaded: { id: 'messages.error.older-not-loaded' },
  notStarted: { id: 'messages.error.not-started' },
  contactGone: { id: 'messages.error.contact-gone' },
  contactForbidden: { id: 'messages.error.contact-forbidden' },
  contactsNotLoaded: { id: 'messages.error.contacts-not-loaded' },
  sessionEnded: { id: 'messages.error.session-ended' },
  rateLimited: { id: 'messages.error.rate-limited' },
  invalidMessage: { id: 'messages.error.invalid-message' },
  forbidden: { id: 'messages.error.forbidden' },
  unavailable: { id: 'messages.error.unavailable' },
});

/** What the chat-server's refusal of a message means for the administrator, per code. */
export const chatRefusalText: Record<ChatErrorCode, Text> = {
  invalid_payload: text.invalidMessage,
  not_found: text.conversationGone,
  forbidden: text.forbidden,
  rate_limited: text.rateLimited,
  unavailable: text.unavailable,
  session_ended: text.sessionEnded,
};
