import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { PaperPlane } from '@strapi/icons';
import { MESSAGE_MAX_LENGTH, messageBodySchema, type ChatMessage, type ConversationSummary, type MemberRef, type PresenceStatus } from '@ventalis/contracts';
import { presenceOf, sameMember, seenMessageId, titleOf } from '../conversations';
import { PresenceDot, presenceLabel } from './PresenceDot';

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
  onSend: (body: string) => Promise<string | null>;
  onTyping: () => void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One conversation: its history (older pages on demand), who is typing, "Seen", the composer. */
export const Thread = ({ conversation, messages, me, othersReadUpTo, presence, typing, hasOlder, loadingOlder, onLoadOlder, onSend, onTyping }: Props) => {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
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
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'The message is empty');
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
          {presenceLabel[status]}
        </Typography>
        {conversation.order && (
          <Typography variant="pi" textColor="neutral600">
            · Order {conversation.order}
          </Typography>
        )}
      </Flex>

      {hasOlder && (
        <Box>
          <Button variant="tertiary" size="S" onClick={onLoadOlder} loading={loadingOlder}>
            Load older messages
          </Button>
        </Box>
      )}

      <Box
        tag="ol"
        ref={list}
        aria-label="Messages"
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
            <Typography textColor="neutral600">No message yet: write the first one.</Typography>
          </li>
        )}
        {messages.map((message) => {
          const mine = sameMember(message.sender, me);
          return (
            <Box tag="li" key={message.id} paddingBottom={3} style={{ display: 'flex', justifyContent: !message.sender ? 'center' : mine ? 'flex-end' : 'flex-start' }}>
              <Box padding={3} hasRadius background={!message.sender ? 'neutral0' : mine ? 'primary100' : 'neutral150'} maxWidth="85%">
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {message.sender ? (mine ? 'You' : message.sender.name) : 'Ventalis'} · <time dateTime={message.createdAt}>{when.format(new Date(message.createdAt))}</time>
                </Typography>
                <Typography tag="p" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {message.body}
                </Typography>
                {message.id === seen && (
                  <Typography variant="pi" textColor="neutral600" tag="p" data-testid="seen">
                    Seen
                  </Typography>
                )}
              </Box>
            </Box>
          );
        })}
      </Box>

      <Typography variant="pi" textColor="neutral600" aria-live="polite" style={{ minHeight: '1.2em' }}>
        {typing ? `${typing} is typing…` : ''}
      </Typography>

      <form onSubmit={submit} noValidate>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="body" error={error ?? undefined} hint="Ctrl+Enter sends">
            <Field.Label>Your message</Field.Label>
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
              Send
            </Button>
          </Flex>
        </Flex>
      </form>
    </Flex>
  );
};
