import { Box } from '@strapi/design-system';
import type { PresenceStatus } from '@ventalis/contracts';

const COLOURS: Record<PresenceStatus, 'success500' | 'warning500' | 'neutral300'> = { online: 'success500', away: 'warning500', offline: 'neutral300' };

export const presenceLabel: Record<PresenceStatus, string> = { online: 'Online', away: 'Away', offline: 'Offline' };

export const PresenceDot = ({ status }: { status: PresenceStatus }) => (
  <Box tag="span" background={COLOURS[status]} width="1rem" height="1rem" shrink={0} title={presenceLabel[status]} style={{ borderRadius: '50%', display: 'inline-block' }} />
);
