export default {
  routes: [
    { method: 'GET', path: '/products', handler: 'api::product.product.find', config: { middlewares: ['global::public-cache'] } },
    { method: 'GET', path: '/products/:slug', handler: 'api::product.product.findOne', config: { middlewares: ['global::public-cache'] } },
  ],
};
