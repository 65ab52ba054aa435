/**
 * Real-time delivery of the cms' conversations. Sockets authenticate with a ticket the cms
 * minted; every message is stored by the cms before anyone receives it; each member's tabs
 * share a room, so a message reaches all of them, on whichever node they are connected.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import {
  presencePayloadSchema,
  readPayloadSchema,
  sendPayloadSchema,
  syncPayloadSchema,
  typingPayloadSchema,
  type Ack,
  type ChatMessage,
  type ConversationMembership,
  type ClientToServerEvents,
  type MemberRef,
  type PresenceStatus,
  type ServerToClientEvents,
} from '@ventalis/contracts';
import { verifyTicket } from '@ventalis/contracts/chat-ticket';
import type { z } from 'zod';
import { CmsRefusal, type CmsGateway } from './cms.ts';

interface SocketData {
  member: MemberRef;
  /** Conversation id → the other members in it, as the cms listed them at connection. */
  conversations: Map<number, MemberRef[]>;
  /** Timestamps of this socket's recent messages, for the flood limit. */
  sent: number[];
}

type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface ApplicationDeps {
  cms: CmsGateway;
  clock?: () => number;
}

export interface ApplicationOptions {
  /** Origins whose pages may open sockets (the storefront, the admin panel). */
  allowedOrigins: string[];
  /** CHAT_SECRET: checks tickets and the cms' calls. */
  secret: string;
  /** The Redis Streams adapter when several chat-servers share delivery. */
  adapter?: ServerOptions['adapter'];
  /** At most this many messages per socket in floodWindowMs. */
  floodLimit?: number;
  floodWindowMs?: number;
  /** How often the members connected here are reported to the cms as seen (its email fallback). */
  seenEveryMs?: number;
}

export const roomOf = (member: MemberRef) => `member:${member.kind}:${member.id}`;
const sameMember = (a: MemberRef, b: MemberRef) => a.kind === b.kind && a.id === b.id;

function refusal(error: unknown): Ack<never> {
  if (error instanceof CmsRefusal) return { error: { code: error.code, message: error.message } };
  return { error: { code: 'unavailable', message: 'Messages are unavailable for a moment: try again.' } };
}

function invalid(error: z.ZodError): Ack<never> {
  return { error: { code: 'invalid_payload', message: error.issues.map((issue) => issue.message).join('; ') } };
}

/** Acknowledgements are optional for a client; a missing one must not throw. */
const answer = <T>(ack: unknown, value: Ack<T>) => {
  if (typeof ack === 'function') (ack as (value: Ack<T>) => void)(value);
};

export function createApplication(httpServer: HttpServer, deps: ApplicationDeps, options: ApplicationOptions) {
  const clock = deps.clock ?? Date.now;
  const floodLimit = options.floodLimit ?? 20;
  const floodWindowMs = options.floodWindowMs ?? 10_000;
  const seenEveryMs = options.seenEveryMs ?? 60_000;
  const allowed = new Set(options.allowedOrigins);

  // Before Socket.IO attaches: it passes on to this listener every request that is not its own.
  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => void internalRoutes(request, response));

  const io: ChatServer = new Server(httpServer, {
    serveClient: false,
    // CORS does not guard WebSockets: the Origin is checked on every handshake request.
    allowRequest: (request, callback) => callback(null, allowed.has(request.headers.origin ?? '')),
    cors: { origin: [...allowed] },
    // A message is at most 4,000 characters; nothing bigger has any business here.
    maxHttpBufferSize: 32 * 1024,
    adapter: options.adapter,
  });

  function deliver(message: ChatMessage, recipients: MemberRef[]) {
    if (recipients.length > 0) io.to(recipients.map(roomOf)).emit('message:new', message);
  }

  /** The cms hands over messages stored outside a socket (REST, system messages). */
  async function internalRoutes(request: IncomingMessage, response: ServerResponse) {
    if (request.url?.startsWith('/socket.io')) return;
    if (request.method === 'GET' && request.url === '/healthz') return response.end('ok');
    if (request.method !== 'POST' || request.url !== '/internal/deliver') {
      response.statusCode = 404;
      return response.end();
    }
    const given = Buffer.from((request.headers.authorization ?? '').replace(/^Bearer /, ''));
    const expected = Buffer.from(options.secret);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      response.statusCode = 401;
      return response.end();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > 64 * 1024) {
        response.statusCode = 413;
        return response.end();
      }
      chunks.push(chunk as Buffer);
    }
    try {
      const { message, recipients } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { message: ChatMessage; recipients: MemberRef[] };
      deliver(message, recipients);
      response.statusCode = 204;
    } catch {
      response.statusCode = 400;
    }
    response.end();
  }

  io.use((socket, next) => {
    const verified = verifyTicket(socket.handshake.auth?.ticket, options.secret, Math.floor(clock() / 1000));
    if (!verified.ok) return next(new Error(`ticket ${verified.reason}`));
    socket.data.member = { kind: verified.claims.kind, id: verified.claims.id };
    socket.data.conversations = new Map();
    socket.data.sent = [];
    next();
  });

  /** Everyone who shares a conversation with this member (who may see their presence), by room. */
  const peersOf = (socket: ChatSocket) => {
    const peers = new Map<string, MemberRef>();
    for (const members of socket.data.conversations.values()) for (const member of members) peers.set(roomOf(member), member);
    return peers;
  };

  const remember = (socket: ChatSocket, conversations: ConversationMembership[]) => {
    socket.data.conversations = new Map(conversations.map((c) => [c.id, c.with.map((m) => ({ kind: m.kind, id: m.id }))]));
  };

  function announce(socket: ChatSocket, status: PresenceStatus) {
    const rooms = [...peersOf(socket).keys()];
    if (rooms.length > 0) io.to(rooms).emit('presence', { member: socket.data.member, status });
  }

  const flooding = (socket: ChatSocket) => {
    const now = clock();
    socket.data.sent = socket.data.sent.filter((at) => now - at < floodWindowMs);
    if (socket.data.sent.length >= floodLimit) return true;
    socket.data.sent.push(now);
    return false;
  };

  io.on('connection', async (socket: ChatSocket) => {
    const { member } = socket.data;
    const room = roomOf(member);

    socket.on('message:send', async (payload, ack) => {
      const parsed = sendPayloadSchema.safeParse(payload);
      if (!parsed.success) return answer(ack, invalid(parsed.error));
      if (flooding(socket)) return answer(ack, { error: { code: 'rate_limited', message: 'You are sending messages too fast: wait a few seconds.' } });
      try {
        const { message, recipients } = await deps.cms.send(member, parsed.data.conversationId, parsed.data.body);
        answer(ack, { data: message });
        deliver(message, recipients);
      } catch (error) {
        answer(ack, refusal(error));
      }
    });

    socket.on('conversation:read', async (payload, ack) => {
      const parsed = readPayloadSchema.safeParse(payload);
      if (!parsed.success) return answer(ack, invalid(parsed.error));
      try {
        const { lastReadMessageId, recipients } = await deps.cms.read(member, parsed.data.conversationId, parsed.data.upTo);
        answer(ack, { data: { lastReadMessageId } });
        const others = recipients.filter((r) => !sameMember(r, member));
        io.to([...others.map(roomOf), room]).emit('conversation:read', { conversationId: parsed.data.conversationId, member, messageId: lastReadMessageId });
      } catch (error) {
        answer(ack, refusal(error));
      }
    });

    socket.on('conversation:sync', async (payload, ack) => {
      const parsed = syncPayloadSchema.safeParse(payload);
      if (!parsed.success) return answer(ack, invalid(parsed.error));
      try {
        answer(ack, { data: await deps.cms.history(member, parsed.data.conversationId, { after: parsed.data.afterId, limit: 100 }) });
      } catch (error) {
        answer(ack, refusal(error));
      }
    });

    socket.on('conversation:list', async (ack) => {
      try {
        const conversations = await deps.cms.conversations(member);
        remember(socket, conversations);
        answer(ack, { data: conversations });
      } catch (error) {
        answer(ack, refusal(error));
      }
    });

    socket.on('typing:set', (payload) => {
      const parsed = typingPayloadSchema.safeParse(payload);
      const others = parsed.success ? socket.data.conversations.get(parsed.data.conversationId) : undefined;
      if (!parsed.success || !others || others.length === 0) return;
      io.to(others.map(roomOf)).emit('typing', { conversationId: parsed.data.conversationId, member, typing: parsed.data.typing });
    });

    socket.on('presence:set', (payload) => {
      const parsed = presencePayloadSchema.safeParse(payload);
      if (parsed.success) announce(socket, parsed.data.status);
    });

    socket.on('disconnect', async () => {
      reportSeen([member]);
      // Offline only when the member's last tab, on any node, has gone.
      const left = await io.in(room).fetchSockets().catch(() => []);
      if (left.length === 0) announce(socket, 'offline');
    });

    // Handlers first: with a cluster adapter, joining the room takes a round trip.
    await socket.join(room);
    try {
      remember(socket, await deps.cms.memberships(member));
    } catch {
      // The cms is unreachable: the socket still delivers; conversation:list tries again.
    }
    announce(socket, 'online');
    reportSeen([member]);
    // Who of the people this member talks to is already here (on any node).
    for (const [peerRoom, peer] of peersOf(socket)) {
      const here = await io.in(peerRoom).fetchSockets().catch(() => []);
      if (here.length > 0) socket.emit('presence', { member: peer, status: 'online' });
    }
  });

  /**
   * The cms emails members away for a while with unread messages: it hears who is here when
   * they connect and leave, and every minute while they stay (from every node, for its own sockets).
   */
  function reportSeen(members: MemberRef[]) {
    deps.cms.seen(members).catch(() => {
      // The next report (at most a minute away) says it again.
    });
  }
  const seenTimer = setInterval(() => {
    const here = new Map<string, MemberRef>();
    for (const socket of io.of('/').sockets.values()) here.set(roomOf(socket.data.member), socket.data.member);
    const members = [...here.values()];
    for (let i = 0; i < members.length; i += 1000) reportSeen(members.slice(i, i + 1000));
  }, seenEveryMs);
  seenTimer.unref();

  return {
    io,
    deliver,
    /** Stops accepting sockets and closes those open; the caller closes Redis afterwards. */
    close: () => {
      clearInterval(seenTimer);
      return new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

export type ChatApplication = ReturnType<typeof createApplication>;
