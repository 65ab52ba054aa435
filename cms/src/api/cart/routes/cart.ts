export default {
  routes: [
    { method: 'GET', path: '/cart', handler: 'api::cart.cart.view' },
    { method: 'POST', path: '/cart/items', handler: 'api::cart.cart.add' },
    { method: 'PUT', path: '/cart/items/:slug', handler: 'api::cart.cart.setQuantity' },
    { method: 'DELETE', path: '/cart/items/:slug', handler: 'api::cart.cart.remove' },
    { method: 'DELETE', path: '/cart', handler: 'api::cart.cart.empty' },
  ],
};
