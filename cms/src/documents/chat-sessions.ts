import type { Core } from '@strapi/strapi';
import { getService } from '../utils/services';
import type { Middleware } from './consultant-accounts';

const USER = 'plugin::users-permissions.user';

/**
 * A storefront account whose password changes (a reset), that is blocked or deleted loses
 * its open chat sockets at once, on every chat-server: a session ending ends its sockets too.
 */
export const chatSessions = (strapi: Core.Strapi): Middleware => async function endChatSessions(context, next) {
  if (context.uid !== USER || !['update', 'delete'].includes(context.action)) return next();
  const { documentId, data } = context.params as { documentId?: string; data?: Record<string, unknown> };
  if (context.action === 'update' && !(data && (data.blocked === true || typeof data.password === 'string'))) return next();
  const user = documentId ? await strapi.db.query(USER).findOne({ where: { documentId }, select: ['id'] }) : null;
  const result = await next();
  if (user) getService('conversation.sessions').endSessions([{ kind: 'user', id: user.id }]);
  return result;
};
