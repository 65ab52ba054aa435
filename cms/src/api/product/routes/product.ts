import { localeQuerySchema, productListQuerySchema } from '@ventalis/contracts';

/** A signed-in member of a company with negotiated prices is answered its company's prices (company-prices). */
export default {
  routes: [
    { method: 'GET', path: '/products', handler: 'api::product.product.find', request: { query: productListQuerySchema.shape }, config: { middlewares: ['global::company-prices', 'global::public-cache'] } },
    { method: 'GET', path: '/products/:slug', handler: 'api::product.product.findOne', request: { query: localeQuerySchema.shape }, config: { middlewares: ['global::company-prices', 'global::public-cache'] } },
  ],
};
