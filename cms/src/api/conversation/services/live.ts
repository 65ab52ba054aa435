import type { Core } from '@strapi/strapi';
import type { ChatMessage, ConversationChanges } from '@ventalis/contracts';
import type { Member } from '../model';
import { afterCommit } from '../../../utils/after-commit';
import { push } from '../../../utils/push';

/**
 * Messages stored outside a socket (the REST API, a change of consultant) are handed to
 * the chat-server, which delivers them to every connected tab of their recipients. A
 * member offline meanwhile still gets them: clients catch up from the stored history.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tell = (path: string, what: string, body: unknown) => {
    const { serverUrl, secret } = strapi.config.get('ventalis.chat') as { serverUrl: string; secret: string };
    if (!serverUrl) return;
    void push({ url: new URL(path, serverUrl).toString(), secret, what, log: strapi.log }, body);
  };

  return {
    deliver(message: ChatMessage, recipients: Member[]): void {
      tell('/internal/deliver', `Message ${message.id}`, { message, recipients });
    },

    /**
     * Conversations that changed hands (started by someone else, taken over by a new
     * consultant): their members' open pages and the chat-server's rooms follow, once stored.
     */
    changeConversations(changes: ConversationChanges): void {
      if (changes.joined.length === 0 && changes.left.length === 0) return;
      afterCommit(strapi, () => tell('/internal/conversations', 'Conversation changes', changes));
    },
  };
};
