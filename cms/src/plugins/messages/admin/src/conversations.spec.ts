import { describe, expect, test } from 'vitest';
import type { ChatMessage, ConversationSummary, MemberRef } from '@ventalis/contracts';
import { mergeMessages, presenceOf, seenMessageId, titleOf, withConversation, withIncoming } from './conversations';

const me: MemberRef = { kind: 'admin', id: 1 };
const anna = { kind: 'user' as const, id: 7, name: 'Anna Alves', role: 'customer' as const, company: 'Alpha Packaging' };
const ada = { kind: 'admin' as const, id: 1, name: 'Ada Admin', role: 'administrator' as const, company: null };

const message = (id: number, conversationId: number, sender: ChatMessage['sender'], at = id): ChatMessage => ({
  id,
  conversationId,
  sender,
  body: `message ${id}`,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, at)).toISOString(),
});
const conversation = (id: number, last: ChatMessage | null, unread = 0): ConversationSummary => ({ id, order: null, quote: null, company: null, with: [anna], lastMessage: last, unread, readUpTo: [] });

describe('the conversation list', () => {
  test('names who a conversation is with, and their company', () => {
    expect(titleOf({ with: [anna], company: null })).toBe('Anna Alves (Alpha Packaging)');
    expect(titleOf({ with: [], company: null })).toBe('Ventalis');
  });

  test("someone else's message moves its conversation to the top, one more unread", () => {
    const list = [conversation(2, message(5, 2, anna)), conversation(1, message(3, 1, anna))];
    const after = withIncoming(list, message(9, 1, anna), { me, openId: null });
    expect(after?.map((c) => [c.id, c.unread, c.lastMessage?.id])).toEqual([
      [1, 1, 9],
      [2, 0, 5],
    ]);
  });

  test('my own message, or one in the open conversation, is not unread', () => {
    const list = [conversation(1, message(3, 1, anna))];
    expect(withIncoming(list, message(9, 1, ada), { me, openId: null })?.[0]?.unread).toBe(0);
    expect(withIncoming(list, message(9, 1, anna), { me, openId: 1 })?.[0]?.unread).toBe(0);
  });

  test('a message seen twice (socket and catch-up) counts once', () => {
    const list = [conversation(1, message(9, 1, anna), 1)];
    expect(withIncoming(list, message(9, 1, anna), { me, openId: null })).toBe(list);
  });

  test('a conversation not in the list asks for the list again', () => {
    expect(withIncoming([conversation(1, null)], message(9, 4, anna), { me, openId: null })).toBeNull();
  });

  test('a conversation someone started with me joins the list in order; one that changed replaces its old self', () => {
    const list = [conversation(2, message(5, 2, anna)), conversation(1, message(3, 1, anna))];
    expect(withConversation(list, conversation(4, null)).map((c) => c.id)).toEqual([2, 1, 4]);
    expect(withConversation(list, conversation(7, message(9, 7, anna))).map((c) => c.id)).toEqual([7, 2, 1]);
    const changed = withConversation(list, { ...conversation(1, message(3, 1, anna)), with: [ada] });
    expect(changed.map((c) => [c.id, c.with[0]!.name])).toEqual([
      [2, 'Anna Alves'],
      [1, 'Ada Admin'],
    ]);
  });

  test('presence: online when one member is, then away, else offline', () => {
    expect(presenceOf([anna], {})).toBe('offline');
    expect(presenceOf([anna], { 'user:7': 'away' })).toBe('away');
    expect(presenceOf([anna, { kind: 'user', id: 8 }], { 'user:7': 'away', 'user:8': 'online' })).toBe('online');
  });
});

describe('the thread', () => {
  test('merges pages, live messages and catch-ups in order, each once', () => {
    const merged = mergeMessages([message(3, 1, anna), message(4, 1, ada)], [message(4, 1, ada), message(1, 1, anna), message(6, 1, anna)]);
    expect(merged.map((m) => m.id)).toEqual([1, 3, 4, 6]);
  });

  test('shows "Seen" under my last message once the others read up to it', () => {
    const messages = [message(3, 1, ada), message(4, 1, anna), message(5, 1, ada)];
    expect(seenMessageId(messages, me, 4)).toBeNull();
    expect(seenMessageId(messages, me, 5)).toBe(5);
    expect(seenMessageId([message(4, 1, anna)], me, 4)).toBeNull();
  });
});
