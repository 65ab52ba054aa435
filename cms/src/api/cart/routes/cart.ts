import { localeQuerySchema } from '@ventalis/contracts';

/** `?locale=fr|en`: the language of the product names in the cart each route answers. */
const request = { query: localeQuerySchema.shape };

export default {
  routes: [
    { method: 'GET', path: '/cart', handler: 'api::cart.cart.view', request },
    { method: 'POST', path: '/cart/items', handler: 'api::cart.cart.add', request },
    { method: 'PUT', path: '/cart/items/:slug', handler: 'api::cart.cart.setQuantity', request },
    { method: 'DELETE', path: '/cart/items/:slug', handler: 'api::cart.cart.remove', request },
    { method: 'DELETE', path: '/cart', handler: 'api::cart.cart.empty', request },
    // `{ lines }` as JSON, or a multipart form with `lines` or a CSV `file`.
    { method: 'POST', path: '/cart/quick-order', handler: 'api::cart.cart.quickOrder', request },
  ],
};
