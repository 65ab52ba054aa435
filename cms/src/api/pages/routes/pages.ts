import { localeQuerySchema } from '@ventalis/contracts';

const request = { query: localeQuerySchema.shape };

export default {
  routes: [
    { method: 'GET', path: '/pages/home', handler: 'api::pages.pages.home', request, config: { middlewares: ['global::public-cache'] } },
    { method: 'GET', path: '/pages/commitment', handler: 'api::pages.pages.commitment', request, config: { middlewares: ['global::public-cache'] } },
  ],
};
