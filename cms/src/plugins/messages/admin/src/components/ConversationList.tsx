import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { defineMessages, useIntl } from 'react-intl';
import { shopComment } from '@ventalis/contracts/shop-comments';
import type { ConversationSummary, PresenceStatus } from '@ventalis/contracts';
import { presenceOf, titleOf } from '../conversations';
import { formatLocaleOf, roleText, text } from '../texts';
import { PresenceDot } from './PresenceDot';

const own = defineMessages({
  empty: { id: 'messages.list.empty' },
  unread: { id: 'messages.list.unread' },
});

interface Props {
  conversations: ConversationSummary[];
  openId: number | null;
  presence: Record<string, PresenceStatus>;
  onOpen: (id: number) => void;
}

/** My conversations, the most recent first: who, their presence, the last message, unread count. */
export const ConversationList = ({ conversations, openId, presence, onOpen }: Props) => {
  const { formatMessage, locale } = useIntl();
  return conversations.length === 0 ? (
    <Box padding={4}>
      <Typography textColor="neutral600">{formatMessage(own.empty)}</Typography>
    </Box>
  ) : (
    <Box tag="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {conversations.map((conversation) => {
        const open = conversation.id === openId;
        const roles = [...new Set(conversation.with.map((m) => formatMessage(roleText[m.role])))].join(', ');
        return (
          <li key={conversation.id}>
            <Box
              tag="button"
              type="button"
              onClick={() => onOpen(conversation.id)}
              aria-current={open ? 'true' : undefined}
              data-testid="conversation"
              width="100%"
              padding={3}
              hasRadius
              background={open ? 'primary100' : 'neutral0'}
              borderStyle="none"
              style={{ textAlign: 'left', cursor: 'pointer' }}
            >
              <Flex gap={2} alignItems="center">
                <PresenceDot status={presenceOf(conversation.with, presence)} />
                <Typography fontWeight="bold" ellipsis style={{ flex: 1 }}>
                  {titleOf(conversation)}
                </Typography>
                {conversation.unread > 0 && (
                  <Badge variant="primary" data-testid="unread">
                    {conversation.unread}
                    <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}> {formatMessage(own.unread, { count: conversation.unread })}</span>
                  </Badge>
                )}
              </Flex>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {roles}
                {conversation.order ? ` · ${formatMessage(text.order, { reference: conversation.order })}` : ''}
              </Typography>
              {conversation.lastMessage && (
                <Typography variant="pi" textColor="neutral800" tag="p" ellipsis>
                  {conversation.lastMessage.sender ? conversation.lastMessage.body : shopComment(formatLocaleOf(locale), conversation.lastMessage.body)}
                </Typography>
              )}
            </Box>
          </li>
        );
      })}
    </Box>
  );
};
