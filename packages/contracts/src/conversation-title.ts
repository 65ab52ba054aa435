import type { ConversationSummary } from './chat.ts';

/**
 * How lists and threads name a conversation: a company's conversation with its consultant by
 * the company, then everyone else in it; other people with their company when they have one.
 */
export function conversationTitle(conversation: Pick<ConversationSummary, 'with' | 'company'>, fallback: string): string {
  const people = conversation.with.map((m) => (m.company && m.company !== conversation.company ? `${m.name} (${m.company})` : m.name)).join(', ');
  if (conversation.company) return people ? `${conversation.company} · ${people}` : conversation.company;
  return people || fallback;
}
