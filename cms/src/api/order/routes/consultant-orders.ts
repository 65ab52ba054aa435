import { consultantOrderQuerySchema } from '@ventalis/contracts';

export default {
  routes: [
    { method: 'GET', path: '/consultant/orders', handler: 'api::order.consultant-orders.list', request: { query: consultantOrderQuerySchema.shape } },
    { method: 'GET', path: '/consultant/orders/:reference', handler: 'api::order.consultant-orders.findOne' },
    { method: 'POST', path: '/consultant/orders/:reference/status', handler: 'api::order.consultant-orders.changeStatus' },
    { method: 'POST', path: '/consultant/orders/:reference/notes', handler: 'api::order.consultant-orders.addNote' },
  ],
};
