export default {
  routes: [
    { method: 'GET', path: '/consultant/clients', handler: 'api::consultant.portfolio.clients' },
    {
      method: 'GET',
      path: '/consultant/clients/:id',
      handler: 'api::consultant.portfolio.client',
      config: { policies: ['api::consultant.is-assigned-consultant'] },
    },
  ],
};
