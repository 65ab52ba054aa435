import { consultantQuoteQuerySchema } from '@ventalis/contracts';

export default {
  routes: [
    { method: 'GET', path: '/consultant/quotes', handler: 'api::quote.consultant-quotes.list', request: { query: consultantQuoteQuerySchema.shape } },
    { method: 'GET', path: '/consultant/quotes/:number', handler: 'api::quote.consultant-quotes.findOne' },
    { method: 'GET', path: '/consultant/quotes/:number/pdf', handler: 'api::quote.consultant-quotes.pdf' },
    { method: 'PUT', path: '/consultant/quotes/:number', handler: 'api::quote.consultant-quotes.send' },
  ],
};
