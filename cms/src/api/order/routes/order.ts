import { impactQuerySchema, localeQuerySchema, orderListQuerySchema } from '@ventalis/contracts';

export default {
  routes: [
    { method: 'POST', path: '/checkout', handler: 'api::order.order.checkout' },
    { method: 'GET', path: '/checkout/options', handler: 'api::order.order.checkoutOptions' },
    { method: 'GET', path: '/orders', handler: 'api::order.order.list', request: { query: orderListQuerySchema.shape } },
    { method: 'GET', path: '/orders/impact', handler: 'api::order.order.impact', request: { query: impactQuerySchema.shape } },
    { method: 'GET', path: '/orders/impact/statement.pdf', handler: 'api::order.order.impactPdf', request: { query: impactQuerySchema.shape } },
    { method: 'GET', path: '/orders/impact/statement.csv', handler: 'api::order.order.impactCsv', request: { query: impactQuerySchema.shape } },
    { method: 'GET', path: '/orders/:reference', handler: 'api::order.order.findOne' },
    { method: 'POST', path: '/orders/:reference/payment', handler: 'api::order.order.payment' },
    { method: 'POST', path: '/orders/:reference/simulated-payment', handler: 'api::order.order.paySimulated' },
    { method: 'POST', path: '/orders/:reference/cancel', handler: 'api::order.order.cancel' },
    { method: 'POST', path: '/orders/:reference/reorder', handler: 'api::order.order.reorder', request: { query: localeQuerySchema.shape } },
    { method: 'POST', path: '/payments/stripe/webhook', handler: 'api::order.order.stripeWebhook', config: { auth: false } },
  ],
};
