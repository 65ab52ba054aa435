import { Box } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { PresenceStatus } from '@ventalis/contracts';
import { presenceText } from '../texts';

const COLOURS: Record<PresenceStatus, 'success500' | 'warning500' | 'neutral300'> = { online: 'success500', away: 'warning500', offline: 'neutral300' };

export const PresenceDot = ({ status }: { status: PresenceStatus }) => {
  const { formatMessage } = useIntl();
  return (
    <Box tag="span" background={COLOURS[status]} width="1rem" height="1rem" shrink={0} title={formatMessage(presenceText[status])} style={{ borderRadius: '50%', display: 'inline-block' }} />
  );
};
