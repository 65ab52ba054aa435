import { historyQuerySchema } from '@ventalis/contracts';

export default {
  routes: [
    { method: 'GET', path: '/conversations', handler: 'api::conversation.conversation.list' },
    { method: 'POST', path: '/conversations', handler: 'api::conversation.conversation.start' },
    { method: 'GET', path: '/conversations/contacts', handler: 'api::conversation.conversation.contacts' },
    { method: 'GET', path: '/conversations/unread', handler: 'api::conversation.conversation.unread' },
    { method: 'POST', path: '/conversations/order/:reference', handler: 'api::conversation.conversation.startForOrder' },
    { method: 'GET', path: '/conversations/:id', handler: 'api::conversation.conversation.findOne' },
    { method: 'GET', path: '/conversations/:id/messages', handler: 'api::conversation.conversation.history', request: { query: historyQuerySchema.shape } },
    { method: 'POST', path: '/conversations/:id/messages', handler: 'api::conversation.conversation.send' },
    { method: 'POST', path: '/conversations/:id/read', handler: 'api::conversation.conversation.markRead' },
  ],
};
