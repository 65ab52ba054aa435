import { clientSearchSchema } from '@ventalis/contracts';

export default {
  routes: [
    { method: 'GET', path: '/consultant/clients', handler: 'api::consultant.portfolio.clients', request: { query: clientSearchSchema.shape } },
    {
      method: 'GET',
      path: '/consultant/clients/:id',
      handler: 'api::consultant.portfolio.client',
      config: { policies: ['api::consultant.is-assigned-consultant'] },
    },
  ],
};
