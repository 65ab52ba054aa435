import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Box, Flex, Loader, Status, Typography } from '@strapi/design-system';
import { Layouts, Page, useAuth, useNotification } from '@strapi/strapi/admin';
import { defineMessages, useIntl } from 'react-intl';
import type { Ack, ChatMessage, ConversationSummary, MemberRef, PresenceStatus } from '@ventalis/contracts';
import { PAGE_SIZE, refusalOf, useMessagesApi } from '../api';
import { keyOf, mergeMessages, othersReadUpTo, sameMember, withConversation, withIncoming } from '../conversations';
import { ADMINISTRATORS } from '../permissions';
import { chatRefusalText, text, type Text } from '../texts';
import { useChatSocket, type SocketStatus } from '../useChatSocket';
import { ConversationList } from '../components/ConversationList';
import { NewConversation } from '../components/NewConversation';
import { Thread } from '../components/Thread';

interface OpenThread {
  conversation: ConversationSummary;
  messages: ChatMessage[];
  hasOlder: boolean;
  othersReadUpTo: number;
}

const own = defineMessages({
  title: { id: 'messages.page.title' },
  subtitle: { id: 'messages.page.subtitle' },
  conversations: { id: 'messages.page.conversations' },
  choose: { id: 'messages.page.choose' },
  loadingConversation: { id: 'messages.page.loading-conversation' },
  connected: { id: 'messages.live.connected' },
  connecting: { id: 'messages.live.connecting' },
  unavailable: { id: 'messages.live.unavailable' },
});

const LiveStatus = ({ status }: { status: SocketStatus }) => {
  const { formatMessage } = useIntl();
  const [variant, label] =
    status === 'connected'
      ? (['success', own.connected] as const)
      : status === 'unavailable'
        ? (['neutral', own.unavailable] as const)
        : (['warning', own.connecting] as const);
  return (
    <Status variant={variant} size="S" data-testid="live-status">
      <Typography variant="omega">{formatMessage(label)}</Typography>
    </Status>
  );
};

/**
 * The administrator's conversations: the same ones the storefront's members see, stored by
 * the cms; the chat-server brings new messages, typing, presence and read receipts live,
 * and the page catches up from the cms whenever its socket reconnects.
 */
const MessagesPage = () => {
  const api = useMessagesApi();
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const myId = useAuth('MessagesPage', (auth) => auth.user?.id);
  const me = useMemo<MemberRef>(() => ({ kind: 'admin', id: Number(myId) }), [myId]);
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('c'));
  const openId = Number.isSafeInteger(asked) && asked > 0 ? asked : null;

  const [conversations, setConversations] = useState<ConversationSummary[] | null>(null);
  const [listFailed, setListFailed] = useState(false);
  const [thread, setThread] = useState<OpenThread | null>(null);
  const [threadError, setThreadError] = useState<Text | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [presence, setPresence] = useState<Record<string, PresenceStatus>>({});
  const [typing, setTyping] = useState<{ conversationId: number; name: string } | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastTypingSent = useRef(0);

  const reloadList = useCallback(
    () =>
      api.conversations().then(
        (list) => {
          setConversations(list);
          setListFailed(false);
        },
        () => setListFailed(true),
      ),
    [api],
  );
  useEffect(() => {
    void reloadList();
  }, [reloadList]);

  const addMessages = (conversationId: number, incoming: ChatMessage[]) =>
    setThread((open) => (open && open.conversation.id === conversationId ? { ...open, messages: mergeMessages(open.messages, incoming) } : open));
  const clearUnread = (conversationId: number) => setConversations((list) => list && list.map((c) => (c.id === conversationId ? { ...c, unread: 0 } : c)));

  const { socket, status } = useChatSocket(api, {
    async onConnect(connection, again) {
      if (again) void reloadList();
      if (!thread) return;
      // Whatever came while the socket was away (or before it first connected), then a
      // receipt through the socket, which the others see at once.
      const { id } = thread.conversation;
      const answer = await connection
        .timeout(10_000)
        .emitWithAck('conversation:sync', { conversationId: id, afterId: thread.messages.at(-1)?.id ?? 0 })
        .catch(() => null);
      const missed = answer && 'data' in answer ? answer.data : [];
      addMessages(id, missed);
      const last = missed.at(-1) ?? thread.messages.at(-1);
      if (last) markRead(id, last.id, connection);
    },
    onMessage(message) {
      const isOpen = thread?.conversation.id === message.conversationId;
      if (isOpen) {
        addMessages(message.conversationId, [message]);
        if (!sameMember(message.sender, me)) {
          setTyping(null);
          markRead(message.conversationId, message.id);
        }
      }
      if (conversations?.some((c) => c.id === message.conversationId)) {
        setConversations((list) => list && (withIncoming(list, message, { me, openId: isOpen ? message.conversationId : null }) ?? list));
      } else {
        // Someone started a conversation with me: the list, and the chat-server's view of my peers.
        void reloadList();
        socket?.emit('conversation:list', () => {});
      }
    },
    onRead(receipt) {
      if (sameMember(receipt.member, me)) return clearUnread(receipt.conversationId);
      setThread((open) => (open && open.conversation.id === receipt.conversationId ? { ...open, othersReadUpTo: Math.max(open.othersReadUpTo, receipt.messageId) } : open));
    },
    onTyping(event) {
      if (event.conversationId !== thread?.conversation.id) return;
      const who = thread.conversation.with.find((m) => keyOf(m) === keyOf(event.member));
      clearTimeout(typingTimer.current);
      if (!event.typing || !who) return setTyping(null);
      setTyping({ conversationId: event.conversationId, name: who.name });
      typingTimer.current = setTimeout(() => setTyping(null), 5_000);
    },
    onPresence(event) {
      setPresence((known) => ({ ...known, [keyOf(event.member)]: event.status }));
    },
    onConversation(conversation) {
      setConversations((list) => (list ? withConversation(list, conversation) : list));
      setThread((open) => (open && open.conversation.id === conversation.id ? { ...open, conversation } : open));
    },
  });

  /** Read receipts go through the socket when there is one, so that the others see "Seen" at once. */
  function markRead(conversationId: number, upTo: number, connection = socket) {
    if (connection) connection.emit('conversation:read', { conversationId, upTo }, () => {});
    else void api.markRead(conversationId, upTo).catch(() => undefined);
    clearUnread(conversationId);
  }

  // Opening a conversation: its summary and newest page; opening it reads it.
  useEffect(() => {
    setThread(null);
    setThreadError(null);
    setTyping(null);
    if (!openId) return;
    let live = true;
    Promise.all([api.conversation(openId), api.history(openId)]).then(
      ([conversation, newestFirst]) => {
        if (!live) return;
        const messages = newestFirst.toReversed();
        setThread({ conversation, messages, hasOlder: newestFirst.length === PAGE_SIZE, othersReadUpTo: othersReadUpTo(conversation) });
        const last = messages.at(-1);
        if (last && conversation.unread > 0) markRead(openId, last.id);
      },
      (failure: unknown) => live && setThreadError(refusalOf(failure, text.conversationNotLoaded, { 404: text.conversationGone })),
    );
    return () => {
      live = false;
    };
    // Only another conversation opens again (markRead takes the socket of the moment).
  }, [openId, api]);

  async function loadOlder() {
    if (!thread) return;
    const { id } = thread.conversation;
    setLoadingOlder(true);
    try {
      const page = await api.history(id, { before: thread.messages[0]?.id });
      setThread((open) => (open && open.conversation.id === id ? { ...open, messages: mergeMessages(open.messages, page), hasOlder: page.length === PAGE_SIZE } : open));
    } catch (failure) {
      toggleNotification({ type: 'danger', message: formatMessage(refusalOf(failure, text.olderNotLoaded)) });
    } finally {
      setLoadingOlder(false);
    }
  }

  /** Through the socket when it is live, else through the cms (which delivers it live too). */
  async function send(body: string): Promise<Text | null> {
    if (!thread) return text.notSent;
    const { id } = thread.conversation;
    let stored: ChatMessage;
    if (socket) {
      const answer: Ack<ChatMessage> | null = await socket
        .timeout(10_000)
        .emitWithAck('message:send', { conversationId: id, body })
        .catch(() => null);
      if (!answer) return text.notSent;
      if ('error' in answer) return chatRefusalText[answer.error.code] ?? text.notSent;
      stored = answer.data;
      socket.emit('typing:set', { conversationId: id, typing: false });
    } else {
      try {
        stored = await api.send(id, body);
      } catch (failure) {
        return refusalOf(failure, text.notSent, { 400: text.invalidMessage, 403: text.forbidden, 404: text.conversationGone });
      }
    }
    addMessages(id, [stored]);
    setConversations((list) => list && (withIncoming(list, stored, { me, openId: id }) ?? list));
    return null;
  }

  function typingNow() {
    if (!socket || !thread || Date.now() - lastTypingSent.current < 2_000) return;
    lastTypingSent.current = Date.now();
    socket.emit('typing:set', { conversationId: thread.conversation.id, typing: true });
  }

  async function start(contact: MemberRef): Promise<Text | null> {
    try {
      const conversation = await api.start(contact);
      setConversations((list) => (list?.some((c) => c.id === conversation.id) ? list : [conversation, ...(list ?? [])]));
      // The chat-server learns the new peer, for typing and presence.
      socket?.emit('conversation:list', () => {});
      setParams({ c: String(conversation.id) });
      return null;
    } catch (failure) {
      return refusalOf(failure, text.notStarted, { 403: text.contactForbidden, 404: text.contactGone });
    }
  }

  return (
    <Page.Main>
      <Page.Title>{formatMessage(own.title)}</Page.Title>
      <Layouts.Header title={formatMessage(own.title)} subtitle={formatMessage(own.subtitle)} primaryAction={<LiveStatus status={status} />} />
      <Layouts.Content>
        {listFailed && !conversations ? (
          <Page.Error />
        ) : !conversations ? (
          <Page.Loading />
        ) : (
          <Flex alignItems="flex-start" gap={4}>
            <Box width="32rem" shrink={0} background="neutral0" hasRadius shadow="tableShadow" padding={3}>
              <Flex direction="column" alignItems="stretch" gap={3}>
                <NewConversation api={api} onStart={start} />
                <Box tag="nav" aria-label={formatMessage(own.conversations)}>
                  <ConversationList conversations={conversations} openId={openId} presence={presence} onOpen={(id) => setParams({ c: String(id) })} />
                </Box>
              </Flex>
            </Box>
            <Box flex="1" minWidth={0} background="neutral0" hasRadius shadow="tableShadow" padding={5}>
              {!openId ? (
                <Typography textColor="neutral600">{formatMessage(own.choose)}</Typography>
              ) : threadError ? (
                <Typography textColor="danger600" role="alert">
                  {formatMessage(threadError)}
                </Typography>
              ) : !thread ? (
                <Loader small>{formatMessage(own.loadingConversation)}</Loader>
              ) : (
                <Thread
                  conversation={thread.conversation}
                  messages={thread.messages}
                  me={me}
                  othersReadUpTo={thread.othersReadUpTo}
                  presence={presence}
                  typing={typing?.conversationId === thread.conversation.id ? typing.name : null}
                  hasOlder={thread.hasOlder}
                  loadingOlder={loadingOlder}
                  onLoadOlder={loadOlder}
                  onSend={send}
                  onTyping={typingNow}
                />
              )}
            </Box>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const ProtectedMessagesPage = () => (
  <Page.Protect permissions={ADMINISTRATORS}>
    <MessagesPage />
  </Page.Protect>
);

export default ProtectedMessagesPage;
