export default {
  routes: [
    { method: 'GET', path: '/pages/home', handler: 'api::pages.pages.home', config: { middlewares: ['global::public-cache'] } },
    { method: 'GET', path: '/pages/commitment', handler: 'api::pages.pages.commitment', config: { middlewares: ['global::public-cache'] } },
  ],
};
