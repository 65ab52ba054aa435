export default {
  routes: [
    { method: 'GET', path: '/categories', handler: 'api::category.category.find', config: { middlewares: ['global::public-cache'] } },
    { method: 'GET', path: '/categories/:slug', handler: 'api::category.category.findOne', config: { middlewares: ['global::public-cache'] } },
  ],
};
