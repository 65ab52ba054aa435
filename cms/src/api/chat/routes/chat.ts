const chatServerOnly = { auth: false, policies: ['api::chat.chat-server'] } as const;

export default {
  routes: [
    { method: 'POST', path: '/chat/ticket', handler: 'api::chat.chat.ticket' },
    // The chat-server's calls, with the shared secret (not a person's token).
    { method: 'POST', path: '/chat/internal/conversations', handler: 'api::chat.internal.conversations', config: chatServerOnly },
    { method: 'POST', path: '/chat/internal/seen', handler: 'api::chat.internal.seen', config: chatServerOnly },
    { method: 'POST', path: '/chat/internal/memberships', handler: 'api::chat.internal.memberships', config: chatServerOnly },
    { method: 'POST', path: '/chat/internal/history', handler: 'api::chat.internal.history', config: chatServerOnly },
    { method: 'POST', path: '/chat/internal/send', handler: 'api::chat.internal.send', config: chatServerOnly },
    { method: 'POST', path: '/chat/internal/read', handler: 'api::chat.internal.read', config: chatServerOnly },
  ],
};
