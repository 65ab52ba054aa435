export default {
  routes: [
    { method: 'POST', path: '/quotes', handler: 'api::quote.quotes.request' },
    { method: 'GET', path: '/quotes', handler: 'api::quote.quotes.list' },
    { method: 'GET', path: '/quotes/:number', handler: 'api::quote.quotes.findOne' },
    { method: 'GET', path: '/quotes/:number/pdf', handler: 'api::quote.quotes.pdf' },
    { method: 'POST', path: '/quotes/:number/accept', handler: 'api::quote.quotes.accept' },
    { method: 'POST', path: '/quotes/:number/decline', handler: 'api::quote.quotes.decline' },
  ],
};
