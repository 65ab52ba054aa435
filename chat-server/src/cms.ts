/**
 * The chat-server's only way to the data: the cms' /api/chat/internal/* routes, called with
 * the shared secret on behalf of the member whose ticket the socket showed, with the session
 * generation the ticket carried: once the member's session has ended (password reset, block,
 * deletion), the cms refuses every call (session_ended). The cms decides.
 */
import { randomUUID } from 'node:crypto';
import type { ChatErrorCode, ChatMessage, ConversationMembership, ConversationSummary, MemberRef, ReadReceipt, SentMessage } from '@ventalis/contracts';
import { REQUEST_ID_HEADER } from '@ventalis/contracts/operations';
import { Agent, request, type Dispatcher } from 'undici';

export class CmsRefusal extends Error {
  readonly code: ChatErrorCode;
  constructor(code: ChatErrorCode, message: string) {
    super(message);
    this.name = 'CmsRefusal';
    this.code = code;
  }
}

const CODES: Record<number, ChatErrorCode> = { 400: 'invalid_payload', 403: 'forbidden', 404: 'not_found' };

/** Who a socket speaks for: the ticket's member and the session generation it was minted in. */
export interface MemberSession {
  member: MemberRef;
  generation: string;
}

export interface CmsGatewayOptions {
  baseUrl: string;
  secret: string;
  /** How long the cms may take to start answering, and then between two parts of its answer. */
  timeoutMs?: number;
}

/**
 * Calls go through undici's request API rather than fetch: fetch's request and response
 * objects (web streams, a weakly held abort controller) outlived each call until a major
 * collection; at 200 messages a second they filled V8's old generation by 5 MB a second,
 * and its collection, every half minute, took a core from the cms and PostgreSQL
 * (bench/chat.ts' p99 went to ~100 ms for that second).
 */
export function createCmsGateway(options: CmsGatewayOptions) {
  // Connections to the cms are kept open between calls (the cms closes idle ones after 5 s).
  const dispatcher = new Agent({ keepAliveTimeout: 4_000 });
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeout = options.timeoutMs ?? 5_000;

  async function call<T>(path: string, body: unknown): Promise<T> {
    let response: Dispatcher.ResponseData;
    try {
      response = await request(`${baseUrl}/api/chat/internal/${path}`, {
        dispatcher,
        method: 'POST',
        // Each call has its own id, so that the cms' log lines of a socket's event can be found.
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.secret}`, [REQUEST_ID_HEADER]: `chat-${randomUUID()}` },
        body: JSON.stringify(body),
        headersTimeout: timeout,
        bodyTimeout: timeout,
      });
    } catch {
      throw new CmsRefusal('unavailable', 'Messages are unavailable for a moment: try again.');
    }
    const answer = (await response.body.json().catch(() => ({}))) as { data?: T; error?: { message?: string } };
    // Strapi answers a bare 401 whatever the reason: here it only ever means the session ended.
    if (response.statusCode === 401) throw new CmsRefusal('session_ended', 'Your session has ended: sign in again.');
    if (response.statusCode < 200 || response.statusCode > 299) throw new CmsRefusal(CODES[response.statusCode] ?? 'unavailable', answer.error?.message ?? 'Messages are unavailable for a moment: try again.');
    return answer.data as T;
  }

  return {
    conversations: (session: MemberSession) => call<ConversationSummary[]>('conversations', { ...session }),
    seen: (members: MemberRef[]) => call<void>('seen', { members }),
    memberships: (session: MemberSession) => call<ConversationMembership[]>('memberships', { ...session }),
    history: (session: MemberSession, conversationId: number, page: { after?: number; before?: number; limit?: number }) => call<ChatMessage[]>('history', { ...session, conversationId, page }),
    send: (session: MemberSession, conversationId: number, body: string) => call<SentMessage>('send', { ...session, conversationId, body }),
    read: (session: MemberSession, conversationId: number, upTo: number) => call<ReadReceipt>('read', { ...session, conversationId, upTo }),
  };
}

export type CmsGateway = ReturnType<typeof createCmsGateway>;
