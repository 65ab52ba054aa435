import { z } from 'zod';

/**
 * Conversations and messages: the shapes the cms' REST API and the chat-server share.
 * A member is a storefront account (customer or consultant) or a panel administrator.
 */
export const MESSAGE_MAX_LENGTH = 4000;

export type MemberKind = 'user' | 'admin';
export type MemberRole = 'customer' | 'consultant' | 'administrator';

export interface ChatMember {
  kind: MemberKind;
  id: number;
  name: string;
  role: MemberRole;
  /** A customer's company, so that a consultant knows who writes. */
  company: string | null;
}

export interface ChatMessage {
  id: number;
  conversationId: number;
  /** null for a message of Ventalis itself (a change of consultant, say). */
  sender: ChatMember | null;
  body: string;
  createdAt: string;
}

export interface ConversationSummary {
  id: number;
  /** The order this conversation is about, if any. */
  order: string | null;
  /** Everyone in it but me. */
  with: ChatMember[];
  lastMessage: ChatMessage | null;
  unread: number;
  /** Read receipts: the last message id each other member has read. */
  readUpTo: { member: Pick<ChatMember, 'kind' | 'id'>; messageId: number }[];
}

export const messageBodySchema = z.strictObject({
  body: z
    .string({ error: 'The message is empty' })
    .trim()
    .min(1, 'The message is empty')
    .max(MESSAGE_MAX_LENGTH, `A message is at most ${MESSAGE_MAX_LENGTH} characters`),
});

export const startConversationSchema = z.strictObject({
  contact: z.strictObject(
    {
      kind: z.enum(['user', 'admin'], { error: 'contact.kind must be user or admin' }),
      id: z.number({ error: 'contact.id must be a member id' }).int().positive('contact.id must be a member id'),
    },
    { error: 'contact is required: { kind, id }' },
  ),
});

const messageId = z.coerce.number({ error: 'must be a message id' }).int('must be a message id').min(0, 'must be a message id');

export const historyQuerySchema = z
  .strictObject({
    /** Older messages than this id (scrolling back), newest first. */
    before: messageId.optional(),
    /** Newer messages than this id (catching up after a reconnect), oldest first. */
    after: messageId.optional(),
    limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1, 'limit is at least 1').max(100, 'limit is at most 100').default(50),
  })
  .refine((q) => q.before === undefined || q.after === undefined, { path: ['after'], message: 'Use before or after, not both' });

export const markReadSchema = z.strictObject({
  upTo: z.number({ error: 'upTo must be a message id' }).int('upTo must be a message id').min(0, 'upTo must be a message id'),
});
