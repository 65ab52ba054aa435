/** The chat-server's side of conversations: the ticket a page's socket shows it, and its own calls. */
const chatServerOnly = { auth: false, policies: ['api::conversation.chat-server'] } as const;

export default {
  routes: [
    { method: 'POST', path: '/chat/ticket', handler: 'api::conversation.ticket.ticket' },
    // The chat-server's calls, with the shared secret (not a person's token).
    { method: 'POST', path: '/chat/internal/conversations', handler: 'api::conversation.internal.conversations', config: chatServerOnly },
    { method: 'POST', path: '/chat/internal/seen', handler: 'api::conversation.internal.seen', config: chatServerOnly },
    { method: 'POST', path: '/chat/internal/memberships', handler: 'api::conversation.internal.memberships', config: chatServerOnly },
    { method: 'POST', path: '/chat/internal/history', handler: 'api::conversation.internal.history', config: chatServerOnly },
    { method: 'POST', path: '/chat/internal/send', handler: 'api::conversation.internal.send', config: chatServerOnly },
    { method: 'POST', path: '/chat/internal/read', handler: 'api::conversation.internal.read', config: chatServerOnly },
  ],
};
