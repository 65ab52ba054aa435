import { useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { ChatMessage, ClientToServerEvents, ConversationSummary, MemberRef, PresenceStatus, ServerToClientEvents } from '@ventalis/contracts';
import type { MessagesApi } from './api';

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SocketStatus = 'connecting' | 'connected' | 'disconnected' | 'unavailable';

export interface ChatEvents {
  /** Connected; `again` after a drop (or a chat-server restart). Time to catch up on what was missed. */
  onConnect(connection: ChatSocket, again: boolean): void;
  onMessage(message: ChatMessage): void;
  onRead(receipt: { conversationId: number; member: MemberRef; messageId: number }): void;
  onTyping(event: { conversationId: number; member: MemberRef; typing: boolean }): void;
  onPresence(event: { member: MemberRef; status: PresenceStatus }): void;
  /** A conversation I am now in (someone started it), or whose members changed. */
  onConversation(conversation: ConversationSummary): void;
}

/**
 * The page's socket to the chat-server. Every (re)connection authenticates with a fresh
 * one-minute ticket from the cms, so the panel's own session never leaves the cms. Without
 * a chat-server address the page still works through the cms, without live news.
 */
export function useChatSocket(api: MessagesApi, events: ChatEvents) {
  const handlers = useRef(events);
  handlers.current = events;
  const [socket, setSocket] = useState<ChatSocket | null>(null);
  const [status, setStatus] = useState<SocketStatus>('connecting');

  useEffect(() => {
    let closed = false;
    let opened: ChatSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const away = () => opened?.emit('presence:set', { status: document.visibilityState === 'visible' ? 'online' : 'away' });

    void (async () => {
      const first = await api.ticket().catch(() => null);
      if (closed) return;
      if (!first?.url) return setStatus('unavailable');
      const { io } = await import('socket.io-client');
      if (closed) return;
      let unused: string | null = first.ticket;
      const connection: ChatSocket = io(first.url, {
        transports: ['websocket'],
        auth: (callback) => {
          if (unused) {
            callback({ ticket: unused });
            unused = null;
            return;
          }
          api
            .ticket()
            .then(({ ticket }) => callback({ ticket }))
            .catch(() => callback({}));
        },
      });
      opened = connection;
      let connectedBefore = false;
      let attempts = 0;
      connection.on('connect', () => {
        attempts = 0;
        setStatus('connected');
        setSocket(connection);
        handlers.current.onConnect(connection, connectedBefore);
        connectedBefore = true;
      });
      connection.on('disconnect', () => setStatus('disconnected'));
      connection.on('connect_error', () => {
        setStatus('disconnected');
        // A refused ticket (expired, session over) is not retried by Socket.IO itself.
        if (!connection.active) retry = setTimeout(() => connection.connect(), Math.min(30_000, 1_000 * 2 ** attempts++));
      });
      connection.on('message:new', (message) => handlers.current.onMessage(message));
      connection.on('conversation:read', (receipt) => handlers.current.onRead(receipt));
      connection.on('typing', (event) => handlers.current.onTyping(event));
      connection.on('presence', (event) => handlers.current.onPresence(event));
      connection.on('conversation:new', (conversation) => handlers.current.onConversation(conversation));
      document.addEventListener('visibilitychange', away);
    })();

    return () => {
      closed = true;
      clearTimeout(retry);
      document.removeEventListener('visibilitychange', away);
      opened?.close();
    };
  }, [api]);

  return { socket: status === 'connected' ? socket : null, status };
}
