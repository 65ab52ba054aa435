import { createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, test, vi } from 'vitest';
import type { ChatMessage, ConversationSummary } from '@ventalis/contracts';

/**
 * Ventalis' panel pages as a French and an English administrator read them. Strapi's design
 * system does not load outside the panel's bundler: each of its components is stood in for by an
 * element showing its children and the texts of its visible props (`[hint: …]`).
 */
vi.mock('@strapi/design-system', () => {
  const VISIBLE = ['title', 'label', 'hint', 'error', 'placeholder', 'aria-label'];
  const component = (name: string) => (props: Record<string, unknown> & { children?: ReactNode }) =>
    h('div', { 'data-ds': name }, ...VISIBLE.filter((p) => typeof props[p] === 'string').map((p) => ` [${p}: ${props[p]}] `), props.children as ReactNode);
  const names = ['Badge', 'Box', 'Button', 'Combobox', 'ComboboxOption', 'Flex', 'Loader', 'Status', 'Table', 'Tbody', 'Td', 'Textarea', 'Th', 'Thead', 'Tr', 'Typography'];
  return {
    ...Object.fromEntries(names.map((name) => [name, component(name)])),
    Field: Object.fromEntries(['Root', 'Label', 'Error', 'Hint'].map((part) => [part, component(`Field.${part}`)])),
  };
});
vi.mock('@strapi/icons', () => ({ PaperPlane: () => null, Plus: () => null }));
vi.mock('@strapi/strapi/admin', () => ({ isFetchError: () => false, useFetchClient: () => ({}) }));

const { Thread } = await import('../plugins/messages/admin/src/components/Thread');
const { ConversationList } = await import('../plugins/messages/admin/src/components/ConversationList');
const { NewConversation } = await import('../plugins/messages/admin/src/components/NewConversation');
const { TRANSLATIONS } = await import('../plugins/messages/admin/src/texts');
const { ConsultantsTable } = await import('./portfolios/ConsultantsTable');
const panel = { en: (await import('./translations/en.json')).default, fr: (await import('./translations/fr.json')).default };

/** What a person reads of an element in a panel language (a missing translation fails). */
function read(locale: 'fr' | 'en', element: ReactNode): string {
  const messages = { ...panel[locale], ...TRANSLATIONS[locale] };
  const html = renderToStaticMarkup(
    h(IntlProvider, { locale, messages, onError: (error) => { throw error; } }, element),
  );
  return html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/[ \t\r\n]+/g, ' ').trim();
}

const elodie = { kind: 'user' as const, id: 7, name: 'Élodie Lefebvre', role: 'customer' as const, company: 'NordLog' };
const conversation: ConversationSummary = { id: 1, order: 'VEN-2026-0001', quote: null, company: null, with: [elodie], lastMessage: null, unread: 0, readUpTo: [] };
const mine: ChatMessage = { id: 1, conversationId: 1, sender: { kind: 'admin', id: 1, name: 'Ada Admin', role: 'administrator', company: null }, body: 'Bonjour', createdAt: '2026-11-24T13:05:00Z' };
const thread = (extra: Partial<Parameters<typeof Thread>[0]> = {}) =>
  h(Thread, {
    conversation, messages: [mine], me: { kind: 'admin', id: 1 }, othersReadUpTo: 1, presence: { 'user:7': 'online' }, typing: 'Élodie Lefebvre',
    hasOlder: true, loadingOlder: false, onLoadOlder() {}, onSend: async () => null, onTyping() {}, ...extra,
  });

describe('the Messages page', () => {
  test('a conversation in French: presence, order, older messages, "Vous", the Paris date, "Vu", who is typing, the composer', () => {
    expect(read('fr', thread())).toBe(
      '[title: En ligne] Élodie Lefebvre (NordLog) En ligne · Commande VEN-2026-0001 Charger les messages plus anciens [aria-label: Messages] ' +
        'Vous · 24 nov. 2026, 14:05 Bonjour Vu Élodie Lefebvre est en train d’écrire… [hint: Ctrl+Entrée pour envoyer] Votre message Envoyer',
    );
  });

  test('the same conversation in English, worded as the browser journeys expect it', () => {
    expect(read('en', thread())).toBe(
      '[title: Online] Élodie Lefebvre (NordLog) Online · Order VEN-2026-0001 Load older messages [aria-label: Messages] ' +
        'You · 24 Nov 2026, 14:05 Bonjour Seen Élodie Lefebvre is typing… [hint: Ctrl+Enter sends] Your message Send',
    );
  });

  test('an empty conversation invites the first message', () => {
    expect(read('fr', thread({ messages: [], hasOlder: false, typing: null }))).toContain('Aucun message pour l’instant\u00a0: écrivez le premier.');
    expect(read('en', thread({ messages: [], hasOlder: false, typing: null }))).toContain('No message yet: write the first one.');
  });

  test('the list: who, their role, the order, and how many unread', () => {
    const list = (locale: 'fr' | 'en') => read(locale, h(ConversationList, { conversations: [{ ...conversation, unread: 2, lastMessage: mine }], openId: null, presence: {}, onOpen() {} }));
    expect(list('fr')).toBe('[title: Hors ligne] Élodie Lefebvre (NordLog) 2 messages non lus Client · Commande VEN-2026-0001 Bonjour');
    expect(list('en')).toBe('[title: Offline] Élodie Lefebvre (NordLog) 2 unread messages Customer · Order VEN-2026-0001 Bonjour');
    expect(read('fr', h(ConversationList, { conversations: [], openId: null, presence: {}, onOpen() {} }))).toContain('Aucune conversation pour l’instant');
  });

  test('"New conversation"', () => {
    const button = (locale: 'fr' | 'en') => read(locale, h(NewConversation, { api: {} as never, onStart: async () => null }));
    expect(button('fr')).toBe('Nouvelle conversation');
    expect(button('en')).toBe('New conversation');
  });
});

describe('the Portfolios page', () => {
  const consultants = [
    { id: 1, firstName: 'Claire', lastName: 'Aubert', email: 'c@v.test', employeeNumber: 'C-0001', blocked: false, clients: 1200, openOrders: 3, revenue12MonthsExclVatCents: 123_456_78 },
    { id: 2, firstName: 'Marc', lastName: 'Roy', email: 'm@v.test', employeeNumber: 'C-0002', blocked: true, clients: 0, openOrders: 0, revenue12MonthsExclVatCents: 0 },
  ];

  test('columns, counts and revenue in French: 1 200 clients, 123 456,78 €, a blocked account said so', () => {
    expect(read('fr', h(ConsultantsTable, { consultants, onSelect() {} }))).toBe(
      'Consultant Matricule Clients Commandes en cours CA HT sur 12 mois ' +
        'Claire Aubert C-0001 1\u202f200 3 123\u202f456,78\u00a0€ ' +
        'Marc Roy (compte bloqué) C-0002 0 0 0,00\u00a0€',
    );
  });

  test('and in English: 1,200 clients, €123,456.78', () => {
    expect(read('en', h(ConsultantsTable, { consultants }))).toBe(
      'Consultant Clients Open orders Revenue 12 months Claire Aubert 1,200 3 €123,456.78 Marc Roy (blocked) 0 0 €0.00',
    );
  });
});
