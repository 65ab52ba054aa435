export default {
  routes: [
    { method: 'GET', path: '/invoices', handler: 'api::document.invoices.list' },
    { method: 'GET', path: '/invoices/:number', handler: 'api::document.invoices.findOne' },
    { method: 'GET', path: '/invoices/:number/pdf', handler: 'api::document.invoices.pdf' },
    { method: 'GET', path: '/credit-notes', handler: 'api::document.invoices.creditNotes' },
    { method: 'GET', path: '/credit-notes/:number/pdf', handler: 'api::document.invoices.creditNotePdf' },
  ],
};
