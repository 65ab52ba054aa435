import type { Core } from '@strapi/strapi';
import type { ChatMessage } from '@ventalis/contracts';
import type { Member } from '../../conversation/services/chat';
import { push } from '../../../utils/push';

/**
 * Messages stored outside a socket (the REST API, a change of consultant) are handed to
 * the chat-server, which delivers them to every connected tab of their recipients. A
 * member offline meanwhile still gets them: clients catch up from the stored history.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  deliver(message: ChatMessage, recipients: Member[]): void {
    const { serverUrl, secret } = strapi.config.get('ventalis.chat') as { serverUrl: string; secret: string };
    if (!serverUrl) return;
    void push({ url: new URL('/internal/deliver', serverUrl).toString(), secret, what: `Message ${message.id}`, log: strapi.log }, { message, recipients });
  },
});
