import { localeQuerySchema, productListQuerySchema } from '@ventalis/contracts';

export default {
  routes: [
    { method: 'GET', path: '/products', handler: 'api::product.product.find', request: { query: productListQuerySchema.shape }, config: { middlewares: ['global::public-cache'] } },
    { method: 'GET', path: '/products/:slug', handler: 'api::product.product.findOne', request: { query: localeQuerySchema.shape }, config: { middlewares: ['global::public-cache'] } },
  ],
};
