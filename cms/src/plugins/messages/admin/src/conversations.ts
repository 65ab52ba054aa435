import type { ChatMessage, ConversationSummary, MemberRef, PresenceStatus } from '@ventalis/contracts';
import { conversationTitle } from '@ventalis/contracts/conversation-title';

/** Pure rules of the Messages page: what the list and the thread show as news arrives. */

export const keyOf = (member: MemberRef) => `${member.kind}:${member.id}`;
export const sameMember = (a: MemberRef | null | undefined, b: MemberRef | null | undefined) => Boolean(a && b && a.kind === b.kind && a.id === b.id);

/** Who the conversation is with, as the list and the thread title name them. */
export const titleOf = (conversation: Pick<ConversationSummary, 'with' | 'company'>): string => conversationTitle(conversation, 'Ventalis');

/** A conversation is online when one of its members is, away when one is away. */
export function presenceOf(members: MemberRef[], presence: Record<string, PresenceStatus>): PresenceStatus {
  const statuses = members.map((m) => presence[keyOf(m)] ?? 'offline');
  return statuses.includes('online') ? 'online' : statuses.includes('away') ? 'away' : 'offline';
}

/** Messages in order, each once, whatever order pages, socket news and catch-ups come in. */
export function mergeMessages(known: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const byId = new Map(known.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** The most recent conversation first, as the cms orders them. */
const byRecency = (a: ConversationSummary, b: ConversationSummary) =>
  new Date(b.lastMessage?.createdAt ?? 0).getTime() - new Date(a.lastMessage?.createdAt ?? 0).getTime() || b.id - a.id;

/**
 * The list after a message arrived: its conversation moves to the top with it as the last
 * message, one more unread unless it is mine or the conversation is open. Null when the
 * conversation is not in the list (someone started it meanwhile): the list must be reloaded.
 */
export function withIncoming(conversations: ConversationSummary[], message: ChatMessage, { me, openId }: { me: MemberRef; openId: number | null }): ConversationSummary[] | null {
  const conversation = conversations.find((c) => c.id === message.conversationId);
  if (!conversation) return null;
  if (conversation.lastMessage && conversation.lastMessage.id >= message.id) return conversations;
  const counts = !sameMember(message.sender, me) && message.conversationId !== openId;
  const updated = { ...conversation, lastMessage: message, unread: conversation.unread + (counts ? 1 : 0) };
  return conversations.map((c) => (c.id === updated.id ? updated : c)).sort(byRecency);
}

/**
 * The list once a conversation I am now in arrives (someone started it with me), or one
 * whose members changed: added, or replacing the one with its id, in order of recency.
 */
export function withConversation(conversations: ConversationSummary[], conversation: ConversationSummary): ConversationSummary[] {
  return [...conversations.filter((c) => c.id !== conversation.id), conversation].sort(byRecency);
}

/** The last message I wrote, when the others have read up to it ("Seen"). */
export function seenMessageId(messages: ChatMessage[], me: MemberRef, othersReadUpTo: number): number | null {
  const mine = messages.findLast((m) => sameMember(m.sender, me));
  return mine && othersReadUpTo >= mine.id ? mine.id : null;
}

/** How far the others have read, from a conversation's receipts. */
export const othersReadUpTo = (conversation: Pick<ConversationSummary, 'readUpTo'>) => Math.max(0, ...conversation.readUpTo.map((r) => r.messageId));
