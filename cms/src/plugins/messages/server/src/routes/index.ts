/**
 * Admin routes (panel authentication), mounted under /messages. Only administrators pass:
 * a consultant's or marketer's panel account is refused, and so is a storefront token.
 */
const administrators = { policies: ['admin::isAuthenticatedAdmin', 'plugin::messages.is-administrator'] };

export default [
  { method: 'GET', path: '/conversations', handler: 'messages.list', config: administrators },
  { method: 'POST', path: '/conversations', handler: 'messages.start', config: administrators },
  { method: 'GET', path: '/contacts', handler: 'messages.contacts', config: administrators },
  { method: 'GET', path: '/conversations/:id', handler: 'messages.findOne', config: administrators },
  { method: 'GET', path: '/conversations/:id/messages', handler: 'messages.history', config: administrators },
  { method: 'POST', path: '/conversations/:id/messages', handler: 'messages.send', config: administrators },
  { method: 'POST', path: '/conversations/:id/read', handler: 'messages.markRead', config: administrators },
  { method: 'POST', path: '/ticket', handler: 'messages.ticket', config: administrators },
];
