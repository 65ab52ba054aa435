import { localeQuerySchema } from '@ventalis/contracts';

export default {
  routes: [
    { method: 'GET', path: '/eco-labels', handler: 'api::eco-label.eco-label.find', request: { query: localeQuerySchema.shape }, config: { middlewares: ['global::public-cache'] } },
  ],
};
