export default {
  routes: [
    { method: 'GET', path: '/consultant/orders', handler: 'api::order.consultant-orders.list' },
    { method: 'GET', path: '/consultant/orders/:reference', handler: 'api::order.consultant-orders.findOne' },
    { method: 'POST', path: '/consultant/orders/:reference/status', handler: 'api::order.consultant-orders.changeStatus' },
    { method: 'POST', path: '/consultant/orders/:reference/notes', handler: 'api::order.consultant-orders.addNote' },
  ],
};
