import { consultantInvoiceQuerySchema } from '@ventalis/contracts';

export default {
  routes: [
    { method: 'GET', path: '/consultant/invoices', handler: 'api::document.consultant-invoices.list', request: { query: consultantInvoiceQuerySchema.shape } },
    { method: 'GET', path: '/consultant/invoices/:number', handler: 'api::document.consultant-invoices.findOne' },
    { method: 'GET', path: '/consultant/invoices/:number/pdf', handler: 'api::document.consultant-invoices.pdf' },
    { method: 'POST', path: '/consultant/invoices/:number/transfers', handler: 'api::document.consultant-invoices.recordTransfer' },
    { method: 'POST', path: '/consultant/invoices/:number/credit-notes', handler: 'api::document.consultant-invoices.issueCreditNote' },
    { method: 'GET', path: '/consultant/credit-notes/:number/pdf', handler: 'api::document.consultant-invoices.creditNotePdf' },
  ],
};
