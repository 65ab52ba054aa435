import { useMemo } from 'react';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';
import type { ChatMember, ChatMessage, ConversationSummary, MemberRef } from '@ventalis/contracts';
import { text, type Text } from './texts';

/** A page of history: at most this many messages, newest first. */
export const PAGE_SIZE = 50;

export interface ChatTicket {
  ticket: string;
  expiresAt: string;
  /** Where the chat-server is for browsers; null: no live updates. */
  url: string | null;
}

/** The cms' /messages routes (admin authentication is added by the fetch client). */
export function useMessagesApi() {
  const { get, post } = useFetchClient();
  return useMemo(
    () => ({
      conversations: async () => (await get<{ data: ConversationSummary[] }>('/messages/conversations')).data.data,
      conversation: async (id: number) => (await get<{ data: ConversationSummary }>(`/messages/conversations/${id}`)).data.data,
      contacts: async () => (await get<{ data: ChatMember[] }>('/messages/contacts')).data.data,
      start: async (contact: MemberRef) => (await post<{ data: ConversationSummary }>('/messages/conversations', { contact })).data.data,
      history: async (id: number, page: { before?: number; after?: number } = {}) =>
        (await get<{ data: ChatMessage[] }>(`/messages/conversations/${id}/messages`, { params: { ...page, limit: PAGE_SIZE } })).data.data,
      send: async (id: number, body: string) => (await post<{ data: ChatMessage }>(`/messages/conversations/${id}/messages`, { body })).data.data,
      markRead: async (id: number, upTo: number) => (await post<{ data: { lastReadMessageId: number } }>(`/messages/conversations/${id}/read`, { upTo })).data.data,
      ticket: async () => (await post<{ data: ChatTicket }>('/messages/ticket')).data.data,
    }),
    [get, post],
  );
}

export type MessagesApi = ReturnType<typeof useMessagesApi>;

/**
 * What to tell the administrator when a call to the cms failed, in the panel's words (the cms
 * answers in English): by the status of the answer when the caller words it, an ended session
 * or too many requests alike everywhere, else the caller's fallback.
 */
export function refusalOf(error: unknown, fallback: Text, byStatus: Partial<Record<number, Text>> = {}): Text {
  const status = isFetchError(error) ? error.status : undefined;
  if (status !== undefined && byStatus[status]) return byStatus[status];
  if (status === 401) return text.sessionEnded;
  if (status === 429) return text.rateLimited;
  return fallback;
}
