import { localeQuerySchema } from '@ventalis/contracts';

const request = { query: localeQuerySchema.shape };

export default {
  routes: [
    { method: 'GET', path: '/categories', handler: 'api::category.category.find', request, config: { middlewares: ['global::public-cache'] } },
    { method: 'GET', path: '/categories/:slug', handler: 'api::category.category.findOne', request, config: { middlewares: ['global::public-cache'] } },
  ],
};
