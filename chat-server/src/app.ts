/**
 * Real-time delivery of the cms' conversations. Sockets authenticate with a ticket the cms
 * minted (once each; the cms confirms the member's session is still the ticket's); every
 * message is stored by the cms before anyone receives it; each member's tabs share a room,
 * so a message reaches all of them, on whichever node they are connected. When a member's
 * session ends (password reset, block, deletion), the cms has their sockets closed on every node.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import {
  presencePayloadSchema,
  readPayloadSchema,
  sendPayloadSchema,
  syncPayloadSchema,
  typingPayloadSchema,
  type Ack,
  type ChatMessage,
  type ConversationChanges,
  type ConversationMembership,
  type ClientToServerEvents,
  type MemberRef,
  type PresenceStatus,
  type ServerToClientEvents,
} from '@ventalis/contracts';
import { verifyTicket } from '@ventalis/contracts/chat-ticket';
import type { z } from 'zod';
import { CmsRefusal, type CmsGateway, type MemberSession } from './cms.ts';
import { memoryTicketLedger, type TicketLedger } from './tickets.ts';
import { createMetrics } from './metrics.ts';
import { bearerMatches } from '@ventalis/contracts/operations';

/** What a socket may emit, each limited per socket over the flood window. */
type Emission = 'message' | 'typing' | 'presence';

interface SocketData {
  member: MemberRef;
  /** The ticket's member and session generation: every call to the cms carries it. */
  session: MemberSession;
  /** Conversation id → the other members in it, as the cms listed them (and has changed them since). */
  conversations: Map<number, MemberRef[]>;
  /** Timestamps of this socket's recent emissions of each kind, for the flood limits. */
  recent: Record<Emission, number[]>;
}

/** Between chat-servers: conversations that changed hands, for every node's own sockets. */
interface InterServerEvents {
  'conversations:changed': (changes: ConversationChanges) => void;
}

type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface ApplicationDeps {
  cms: CmsGateway;
  clock?: () => number;
  /** Spent tickets (Redis when several chat-servers run; in memory by default). */
  tickets?: TicketLedger;
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
  /** At most this many typing (and presence) changes relayed per socket in floodWindowMs. */
  typingLimit?: number;
  presenceLimit?: number;
  floodWindowMs?: number;
  /** How often the members connected here are reported to the cms as seen (its email fallback). */
  seenEveryMs?: number;
  /** Opens GET /metrics with `Authorization: Bearer <token>`; without one, /metrics does not exist. */
  metricsToken?: string;
  /** What GET /readyz checks beyond the process itself (Redis when shared): each 'ok', 'failed' or 'off'. */
  readiness?: () => Promise<Record<string, 'ok' | 'failed' | 'off'>>;
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

/**
 * An event that is acknowledged: the acknowledgement is the last argument whatever came
 * before it (a client that sends no payload still gets its answer), and whatever the handler
 * meets, the client gets an answer rather than silence.
 */
const acknowledged = <T>(handle: (payload: unknown) => Promise<Ack<T>>, counted?: (outcome: 'ok' | 'refused') => void) =>
  async (...args: unknown[]) => {
    const ack = typeof args.at(-1) === 'function' ? args.pop() : undefined;
    let value: Ack<T>;
    try {
      value = await handle(args[0]);
    } catch (error) {
      value = refusal(error);
    }
    counted?.('error' in value ? 'refused' : 'ok');
    answer(ack, value);
  };

export function createApplication(httpServer: HttpServer, deps: ApplicationDeps, options: ApplicationOptions) {
  const clock = deps.clock ?? Date.now;
  const tickets = deps.tickets ?? memoryTicketLedger(clock);
  const limits: Record<Emission, number> = { message: options.floodLimit ?? 20, typing: options.typingLimit ?? 10, presence: options.presenceLimit ?? 5 };
  const floodWindowMs = options.floodWindowMs ?? 10_000;
  const seenEveryMs = options.seenEveryMs ?? 60_000;
  const allowed = new Set(options.allowedOrigins);

  /**
   * Shutting down: no new socket, no new event (answered "unavailable", the client tries again
   * once reconnected elsewhere), and the events under way finish and are acknowledged before the
   * sockets close, so that a message stored is never sent again by a client left without its ack.
   */
  let closing = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const tracked = <T>(handle: (payload: unknown) => Promise<Ack<T>>, counted?: (outcome: 'ok' | 'refused') => void) =>
    acknowledged<T>(async (payload) => {
      if (closing) return { error: { code: 'unavailable', message: 'Messages are unavailable for a moment: try again.' } };
      inFlight += 1;
      try {
        return await handle(payload);
      } finally {
        inFlight -= 1;
        if (inFlight === 0) drained?.();
      }
    }, counted);

  // Before Socket.IO attaches: it passes on to this listener every request that is not its own.
  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => void internalRoutes(request, response));

  const io: ChatServer = new Server(httpServer, {
    serveClient: false,
    // CORS does not guard WebSockets: the Origin is checked on every handshake request.
    // Nor while shutting down: the client connects to another node.
    allowRequest: (request, callback) => callback(null, !closing && allowed.has(request.headers.origin ?? '')),
    cors: { origin: [...allowed] },
    // A message is at most 4,000 characters; nothing bigger has any business here.
    maxHttpBufferSize: 32 * 1024,
    adapter: options.adapter,
  });

  const metrics = createMetrics(() => io.of('/').sockets.size);

  function deliver(message: ChatMessage, recipients: MemberRef[], via: 'socket' | 'cms' = 'socket') {
    if (recipients.length === 0) return;
    io.to(recipients.map(roomOf)).emit('message:new', message);
    metrics.deliveries.inc({ via });
  }

  /** Closes a member's sockets on every node: their session has ended. */
  function endSessions(members: MemberRef[]) {
    if (members.length > 0) io.in(members.map(roomOf)).disconnectSockets(true);
  }

  /** Keeps this node's sockets' view of who is in which conversation, for typing and presence. */
  function applyChanges(changes: ConversationChanges) {
    const byRoom = new Map<string, ((socket: ChatSocket) => void)[]>();
    const on = (member: MemberRef, change: (socket: ChatSocket) => void) => byRoom.set(roomOf(member), [...(byRoom.get(roomOf(member)) ?? []), change]);
    for (const { member, conversation } of changes.joined) on(member, (socket) => socket.data.conversations.set(conversation.id, conversation.with.map((m) => ({ kind: m.kind, id: m.id }))));
    for (const { member, conversationId } of changes.left) on(member, (socket) => socket.data.conversations.delete(conversationId));
    for (const socket of io.of('/').sockets.values()) for (const change of byRoom.get(roomOf(socket.data.member)) ?? []) change(socket);
  }

  /** Conversations that changed hands: each member hears of it, every node updates its sockets. */
  function changeConversations(changes: ConversationChanges) {
    applyChanges(changes);
    // The in-memory adapter (a lone chat-server) has no other node to tell.
    if (options.adapter) io.serverSideEmit('conversations:changed', changes);
    for (const { member, conversation } of changes.joined) io.to(roomOf(member)).emit('conversation:new', conversation);
    for (const { member, conversationId } of changes.left) io.to(roomOf(member)).emit('conversation:left', { conversationId });
  }

  /** What the cms tells the chat-server, each route with the shape of its body. */
  const internal: Record<string, (body: unknown) => void> = {
    // Messages stored outside a socket (REST, system messages).
    '/internal/deliver': (body) => {
      const { message, recipients } = body as { message: ChatMessage; recipients: MemberRef[] };
      if (!message || !Array.isArray(recipients)) throw new Error('not a delivery');
      deliver(message, recipients, 'cms');
    },
    '/internal/end-sessions': (body) => {
      const { members } = body as { members: MemberRef[] };
      if (!Array.isArray(members)) throw new Error('not a list of members');
      endSessions(members);
    },
    '/internal/conversations': (body) => {
      const changes = body as ConversationChanges;
      if (!Array.isArray(changes?.joined) || !Array.isArray(changes?.left)) throw new Error('not conversation changes');
      changeConversations(changes);
    },
  };

  async function internalRoutes(request: IncomingMessage, response: ServerResponse) {
    if (request.url?.startsWith('/socket.io')) return;
    if (request.method === 'GET' && request.url === '/healthz') return response.end('ok');
    if (request.method === 'GET' && request.url === '/readyz') {
      const checks = (await options.readiness?.().catch(() => ({ redis: 'failed' as const }))) ?? {};
      const ready = Object.values(checks).every((check) => check !== 'failed');
      response.statusCode = ready ? 200 : 503;
      response.setHeader('content-type', 'application/json');
      response.setHeader('cache-control', 'no-store');
      return response.end(JSON.stringify({ status: ready ? 'ready' : 'not_ready', checks }));
    }
    if (request.method === 'GET' && request.url === '/metrics') {
      if (!bearerMatches(request.headers.authorization, options.metricsToken)) {
        response.statusCode = 404;
        return response.end();
      }
      response.setHeader('content-type', metrics.registry.contentType);
      return response.end(await metrics.registry.metrics());
    }
    const route = request.method === 'POST' ? internal[request.url ?? ''] : undefined;
    if (!route) {
      response.statusCode = 404;
      return response.end();
    }
    if (!bearerMatches(request.headers.authorization, options.secret)) {
      response.statusCode = 401;
      return response.end();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > 256 * 1024) {
        response.statusCode = 413;
        return response.end();
      }
      chunks.push(chunk as Buffer);
    }
    try {
      route(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.statusCode = 204;
    } catch {
      response.statusCode = 400;
    }
    response.end();
  }

  io.on('conversations:changed', applyChanges);

  io.use(async (socket, next) => {
    const verified = verifyTicket(socket.handshake.auth?.ticket, options.secret, Math.floor(clock() / 1000));
    if (!verified.ok) return next(new Error(`ticket ${verified.reason}`));
    const { claims } = verified;
    try {
      if (!(await tickets.spend(claims.jti, claims.exp * 1000))) return next(new Error('ticket used'));
      const member = { kind: claims.kind, id: claims.id };
      const session = { member, generation: claims.gen };
      // The cms lists the member's conversations only while the ticket's session is theirs.
      const memberships = await deps.cms.memberships(session);
      socket.data.member = member;
      socket.data.session = session;
      socket.data.recent = { message: [], typing: [], presence: [] };
      remember(socket, memberships);
      next();
    } catch (error) {
      next(new Error(error instanceof CmsRefusal && error.code === 'session_ended' ? 'ticket revoked' : 'ticket unchecked: try again'));
    }
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

  /** Whether this socket has emitted this kind of thing too often lately (else counts this one). */
  const flooding = (socket: ChatSocket, what: Emission) => {
    const now = clock();
    const recent = socket.data.recent[what].filter((at) => now - at < floodWindowMs);
    socket.data.recent[what] = recent;
    if (recent.length >= limits[what]) return true;
    recent.push(now);
    return false;
  };

  io.on('connection', async (socket: ChatSocket) => {
    const { member } = socket.data;
    const room = roomOf(member);

    const { session } = socket.data;

    socket.on('message:send', tracked(async (payload) => {
      const parsed = sendPayloadSchema.safeParse(payload);
      if (!parsed.success) return invalid(parsed.error);
      if (flooding(socket, 'message')) return { error: { code: 'rate_limited', message: 'You are sending messages too fast: wait a few seconds.' } };
      const { message, recipients } = await deps.cms.send(session, parsed.data.conversationId, parsed.data.body);
      deliver(message, recipients);
      return { data: message };
    }, (outcome) => metrics.acks.inc({ event: 'message:send', outcome })));

    socket.on('conversation:read', tracked(async (payload) => {
      const parsed = readPayloadSchema.safeParse(payload);
      if (!parsed.success) return invalid(parsed.error);
      const { lastReadMessageId, recipients } = await deps.cms.read(session, parsed.data.conversationId, parsed.data.upTo);
      const others = recipients.filter((r) => !sameMember(r, member));
      io.to([...others.map(roomOf), room]).emit('conversation:read', { conversationId: parsed.data.conversationId, member, messageId: lastReadMessageId });
      return { data: { lastReadMessageId } };
    }));

    socket.on('conversation:sync', tracked(async (payload) => {
      const parsed = syncPayloadSchema.safeParse(payload);
      if (!parsed.success) return invalid(parsed.error);
      return { data: await deps.cms.history(session, parsed.data.conversationId, { after: parsed.data.afterId, limit: 100 }) };
    }));

    socket.on('conversation:list', tracked(async () => {
      const conversations = await deps.cms.conversations(session);
      remember(socket, conversations);
      return { data: conversations };
    }));

    // Typing and presence are not acknowledged: beyond the limit they are dropped quietly.
    socket.on('typing:set', (payload) => {
      const parsed = typingPayloadSchema.safeParse(payload);
      const others = parsed.success ? socket.data.conversations.get(parsed.data.conversationId) : undefined;
      if (!parsed.success || !others || others.length === 0 || flooding(socket, 'typing')) return;
      io.to(others.map(roomOf)).emit('typing', { conversationId: parsed.data.conversationId, member, typing: parsed.data.typing });
    });

    socket.on('presence:set', (payload) => {
      const parsed = presencePayloadSchema.safeParse(payload);
      if (parsed.success && !flooding(socket, 'presence')) announce(socket, parsed.data.status);
    });

    socket.on('disconnect', async () => {
      reportSeen([member]);
      // Offline only when the member's last tab, on any node, has gone.
      const left = await io.in(room).fetchSockets().catch(() => []);
      if (left.length === 0) announce(socket, 'offline');
    });

    // Handlers first: with a cluster adapter, joining the room takes a round trip.
    await socket.join(room);
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
    endSessions,
    changeConversations,
    /**
     * Stops accepting sockets and events, lets the events under way be acknowledged (up to
     * `drainMs`), then closes the sockets; the caller closes Redis afterwards.
     */
    close: async (drainMs = 5_000) => {
      closing = true;
      clearInterval(seenTimer);
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, drainMs).unref();
        });
      }
      // The last acknowledgements leave before their sockets close.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

export type ChatApplication = ReturnType<typeof createApplication>;
