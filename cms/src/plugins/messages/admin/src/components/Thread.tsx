import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { PaperPlane } from '@strapi/icons';
import { defineMessages, useIntl } from 'react-intl';
import { shopComment } from '@ventalis/contracts/shop-comments';
import { formatDateTime } from '@ventalis/contracts/format';
import { MESSAGE_MAX_LENGTH, messageBodySchema, type ChatMessage, type ConversationSummary, type MemberRef, type PresenceStatus } from '@ventalis/contracts';
import { presenceOf, sameMember, seenMessageId, titleOf } from '../conversations';
import { formatLocaleOf, presenceText, text, type Text } from '../texts';
import { PresenceDot } from './PresenceDot';

const own = defineMessages({
  loadOlder: { id: 'messages.thread.load-older' },
  list: { id: 'messages.thread.list' },
  empty: { id: 'messages.thread.empty' },
  you: { id: 'messages.thread.you' },
  ventalis: { id: 'messages.thread.ventalis' },
  seen: { id: 'messages.thread.seen' },
  typing: { id: 'messages.thread.typing' },
  label: { id: 'messages.thread.label' },
  hint: { id: 'messages.thread.hint' },
  send: { id: 'messages.thread.send' },
  emptyBody: { id: 'messages.thread.empty-body' },
  tooLong: { id: 'messages.thread.too-long' },
  badCharacters: { id: 'messages.thread.bad-characters' },
});

/** Why the composer refuses a draft, in the panel's words (the shared schema words it in English). */
function draftProblem(issue: { code: string } | undefined): Text {
  if (issue?.code === 'too_small' || issue?.code === 'invalid_type') return own.emptyBody;
  if (issue?.code === 'too_big') return own.tooLong;
  return own.badCharacters;
}

interface Props {
  conversation: ConversationSummary;
  messages: ChatMessage[];
  me: MemberRef;
  othersReadUpTo: number;
  presence: Record<string, PresenceStatus>;
  /** Who is typing in this conversation, if anyone. */
  typing: string | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  /** Sends; resolves to the refusal to show, or null once the message is stored. */
  onSend: (body: string) => Promise<Text | null>;
  onTyping: () => void;
}

/** One conversation: its history (older pages on demand), who is typing, "Seen", the composer. */
export const Thread = ({ conversation, messages, me, othersReadUpTo, presence, typing, hasOlder, loadingOlder, onLoadOlder, onSend, onTyping }: Props) => {
  const { formatMessage, locale } = useIntl();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<Text | null>(null);
  const [sending, setSending] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const status = presenceOf(conversation.with, presence);
  const seen = seenMessageId(messages, me, othersReadUpTo);
  const newest = messages.at(-1)?.id ?? 0;
  const oldest = messages[0]?.id ?? 0;
  const shown = useRef({ conversation: 0, newest: 0 });
  const fromBottom = useRef(0);

  // A new message (or another conversation) brings the newest into view; older ones
  // loaded above keep in view what the reader was reading.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const fresh = shown.current.conversation !== conversation.id || shown.current.newest !== newest;
    element.scrollTop = fresh ? element.scrollHeight : element.scrollHeight - fromBottom.current;
    shown.current = { conversation: conversation.id, newest };
  }, [conversation.id, newest, oldest]);
  useEffect(() => {
    setDraft('');
    setError(null);
  }, [conversation.id]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (sending) return;
    const parsed = messageBodySchema.safeParse({ body: draft });
    if (!parsed.success) return setError(draftProblem(parsed.error.issues[0]));
    setSending(true);
    const refusal = await onSend(parsed.data.body);
    setSending(false);
    setError(refusal);
    if (!refusal) setDraft('');
  }

  const sendOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} tag="section" aria-labelledby="thread-title">
      <Flex gap={2} alignItems="center" wrap="wrap">
        <PresenceDot status={status} />
        <Typography variant="beta" tag="h2" id="thread-title">
          {titleOf(conversation)}
        </Typography>
        <Typography variant="pi" textColor="neutral600" data-testid="presence">
          {formatMessage(presenceText[status])}
        </Typography>
        {conversation.order && (
          <Typography variant="pi" textColor="neutral600">
            · {formatMessage(text.order, { reference: conversation.order })}
          </Typography>
        )}
      </Flex>

      {hasOlder && (
        <Box>
          <Button variant="tertiary" size="S" onClick={onLoadOlder} loading={loadingOlder}>
            {formatMessage(own.loadOlder)}
          </Button>
        </Box>
      )}

      <Box
        tag="ol"
        ref={list}
        aria-label={formatMessage(own.list)}
        aria-live="polite"
        maxHeight="55vh"
        overflow="auto"
        padding={1}
        style={{ listStyle: 'none', margin: 0 }}
        onScroll={() => {
          if (list.current) fromBottom.current = list.current.scrollHeight - list.current.scrollTop;
        }}
      >
        {messages.length === 0 && (
          <li>
            <Typography textColor="neutral600">{formatMessage(own.empty)}</Typography>
          </li>
        )}
        {messages.map((message) => {
          const mine = sameMember(message.sender, me);
          return (
            <Box tag="li" key={message.id} paddingBottom={3} style={{ display: 'flex', justifyContent: !message.sender ? 'center' : mine ? 'flex-end' : 'flex-start' }}>
              <Box padding={3} hasRadius background={!message.sender ? 'neutral0' : mine ? 'primary100' : 'neutral150'} maxWidth="85%">
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {message.sender ? (mine ? formatMessage(own.you) : message.sender.name) : formatMessage(own.ventalis)} · <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, formatLocaleOf(locale))}</time>
                </Typography>
                <Typography tag="p" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {message.sender ? message.body : shopComment(formatLocaleOf(locale), message.body)}
                </Typography>
                {message.id === seen && (
                  <Typography variant="pi" textColor="neutral600" tag="p" data-testid="seen">
                    {formatMessage(own.seen)}
                  </Typography>
                )}
              </Box>
            </Box>
          );
        })}
      </Box>

      <Typography variant="pi" textColor="neutral600" aria-live="polite" style={{ minHeight: '1.2em' }}>
        {typing ? formatMessage(own.typing, { name: typing }) : ''}
      </Typography>

      <form onSubmit={submit} noValidate>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="body" error={error ? formatMessage(error, { max: MESSAGE_MAX_LENGTH }) : undefined} hint={formatMessage(own.hint)}>
            <Field.Label>{formatMessage(own.label)}</Field.Label>
            <Textarea
              value={draft}
              maxLength={MESSAGE_MAX_LENGTH}
              onChange={(event: { target: { value: string } }) => {
                setDraft(event.target.value);
                onTyping();
              }}
              onKeyDown={sendOnCtrlEnter}
            />
            <Field.Error />
            <Field.Hint />
          </Field.Root>
          <Flex justifyContent="flex-end">
            <Button type="submit" startIcon={<PaperPlane />} loading={sending}>
              {formatMessage(own.send)}
            </Button>
          </Flex>
        </Flex>
      </form>
    </Flex>
  );
};
