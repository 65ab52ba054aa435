export default {
  routes: [
    { method: 'GET', path: '/account', handler: 'api::account.account.me' },
    { method: 'PUT', path: '/account', handler: 'api::account.account.updateMe' },
  ],
};
