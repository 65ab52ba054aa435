import { z } from 'zod';
import { textField } from './text.ts';
import { rule, type ErrorCode } from './error-codes.ts';
import { timestamp } from './answers.ts';

/**
 * Conversations and messages: the shapes the cms' REST API and the chat-server share.
 * A member is a storefront account (customer or consultant) or a panel administrator.
 */
export const MESSAGE_MAX_LENGTH = 4000;

export type MemberKind = 'user' | 'admin';
export type MemberRole = 'customer' | 'consultant' | 'administrator';

const memberKind = z.enum(['user', 'admin']);
const memberRef = z.strictObject({ kind: memberKind, id: z.number().int() });

export const chatMemberSchema = z.strictObject({
  kind: memberKind,
  id: z.number().int(),
  name: z.string(),
  role: z.enum(['customer', 'consultant', 'administrator']),
  /** A customer's company, so that a consultant knows who writes. */
  company: z.string().nullable(),
});
export type ChatMember = z.infer<typeof chatMemberSchema>;

export const chatMessageSchema = z.strictObject({
  id: z.number().int(),
  conversationId: z.number().int(),
  /** null for a message of Ventalis itself (a change of consultant, say). */
  sender: chatMemberSchema.nullable(),
  body: z.string(),
  createdAt: timestamp,
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const conversationSummarySchema = z.strictObject({
  id: z.number().int(),
  /** The order this conversation is about, if any. */
  order: z.string().nullable(),
  /** The quote this conversation is about, if any (its number). */
  quote: z.string().nullable(),
  /** The company whose conversation with its consultant this is, if it is one (its legal name). */
  company: z.string().nullable(),
  /** Everyone in it but me. */
  with: z.array(chatMemberSchema),
  lastMessage: chatMessageSchema.nullable(),
  unread: z.number().int(),
  /** Read receipts: the last message id each other member has read. */
  readUpTo: z.array(z.strictObject({ member: memberRef, messageId: z.number().int() })),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/** POST /api/chat/ticket: what a browser shows the chat-server to open its socket, briefly valid. */
export const chatTicketSchema = z.strictObject({ ticket: z.string(), expiresAt: timestamp });
export type ChatTicket = z.infer<typeof chatTicketSchema>;

/** GET /api/conversations/unread. */
export const unreadCountSchema = z.strictObject({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;
/** POST /api/conversations/:id/read: the last message now read. */
export const readUpToSchema = z.strictObject({ lastReadMessageId: z.number().int() });
export type ReadUpTo = z.infer<typeof readUpToSchema>;

export const messageBodySchema = z.strictObject({
  body: textField('The message', { max: MESSAGE_MAX_LENGTH, kind: 'multi-line', messages: { required: 'The message is empty', tooLong: `A message is at most ${MESSAGE_MAX_LENGTH} characters` } }),
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
  .refine((q) => q.before === undefined || q.after === undefined, { path: ['after'], ...rule('chat.before_and_after', 'Use before or after, not both') });

export const markReadSchema = z.strictObject({
  upTo: z.number({ error: 'upTo must be a message id' }).int('upTo must be a message id').min(0, 'upTo must be a message id'),
});

// ---------------------------------------------------------------- sockets
/** The only error codes a socket ever sees in an acknowledgement. */
export const CHAT_ERROR_CODES = ['invalid_payload', 'not_found', 'forbidden', 'rate_limited', 'unavailable', 'session_ended'] as const;
export type ChatErrorCode = (typeof CHAT_ERROR_CODES)[number];
/** The code of ERROR_CODES that words a socket's ack error: 'rate_limited' → 'chat.rate_limited'. */
export function chatErrorCode(code: ChatErrorCode): ErrorCode {
  return `chat.${code}` as const;
}
export type Ack<T> = { data: T } | { error: { code: ChatErrorCode; message: string } };

export type PresenceStatus = 'online' | 'away' | 'offline';
export type MemberRef = Pick<ChatMember, 'kind' | 'id'>;
/** A conversation I am in, and who else is: what the chat-server keeps per socket. */
export interface ConversationMembership {
  id: number;
  with: MemberRef[];
}

const conversationId = z.number({ error: 'conversationId must be a conversation id' }).int('conversationId must be a conversation id').positive('conversationId must be a conversation id');

export const sendPayloadSchema = z.strictObject({ conversationId, ...messageBodySchema.shape });
export const readPayloadSchema = z.strictObject({ conversationId, ...markReadSchema.shape });
export const syncPayloadSchema = z.strictObject({
  conversationId,
  afterId: z.number({ error: 'afterId must be a message id' }).int('afterId must be a message id').min(0, 'afterId must be a message id'),
});
export const typingPayloadSchema = z.strictObject({ conversationId, typing: z.boolean({ error: 'typing must be true or false' }) });
export const presencePayloadSchema = z.strictObject({ status: z.enum(['online', 'away'], { error: 'status must be online or away' }) });

export interface ClientToServerEvents {
  'message:send': (payload: z.input<typeof sendPayloadSchema>, ack: (answer: Ack<ChatMessage>) => void) => void;
  'conversation:read': (payload: z.input<typeof readPayloadSchema>, ack: (answer: Ack<{ lastReadMessageId: number }>) => void) => void;
  /** Everything after the last message this client saw: after a reconnect or a restart. */
  'conversation:sync': (payload: z.input<typeof syncPayloadSchema>, ack: (answer: Ack<ChatMessage[]>) => void) => void;
  'conversation:list': (ack: (answer: Ack<ConversationSummary[]>) => void) => void;
  'typing:set': (payload: z.input<typeof typingPayloadSchema>) => void;
  'presence:set': (payload: z.input<typeof presencePayloadSchema>) => void;
}

export interface ServerToClientEvents {
  'message:new': (message: ChatMessage) => void;
  'conversation:read': (receipt: { conversationId: number; member: MemberRef; messageId: number }) => void;
  typing: (event: { conversationId: number; member: MemberRef; typing: boolean }) => void;
  presence: (event: { member: MemberRef; status: PresenceStatus }) => void;
  /**
   * A conversation I am now in (an administrator started it, a consultant took it over) or
   * whose members changed: add it to my list, or replace the one with this id.
   */
  'conversation:new': (conversation: ConversationSummary) => void;
  /** A conversation I am no longer in (its client passed to another consultant): drop it. */
  'conversation:left': (event: { conversationId: number }) => void;
}

/** The cms' answer to the chat-server's POST /api/chat/internal/send: the message stored, and who should receive it. */
export interface SentMessage {
  message: ChatMessage;
  recipients: MemberRef[];
}

/** The cms' answer to the chat-server's POST /api/chat/internal/read. */
export interface ReadReceipt extends ReadUpTo {
  recipients: MemberRef[];
}

/** What the cms tells the chat-server when conversations change hands (POST /internal/conversations). */
export interface ConversationChanges {
  /** Each member's new view of a conversation they are now in, or whose members changed. */
  joined: { member: MemberRef; conversation: ConversationSummary }[];
  /** Members who left a conversation. */
  left: { member: MemberRef; conversationId: number }[];
}

