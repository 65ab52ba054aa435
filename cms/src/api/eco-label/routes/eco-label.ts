export default {
  routes: [{ method: 'GET', path: '/eco-labels', handler: 'api::eco-label.eco-label.find', config: { middlewares: ['global::public-cache'] } }],
};
