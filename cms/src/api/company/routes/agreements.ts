import { priceAgreementQuerySchema } from '@ventalis/contracts';

/** `?locale=fr|en`: the language of the category and product names answered. */
const request = { query: priceAgreementQuerySchema.shape };
const config = { policies: ['api::company.is-company-consultant'] };

export default {
  routes: [
    { method: 'GET', path: '/consultant/companies/:id/agreements', handler: 'api::company.agreements.list', request, config },
    { method: 'POST', path: '/consultant/companies/:id/agreements', handler: 'api::company.agreements.create', request, config },
    { method: 'PUT', path: '/consultant/companies/:id/agreements/:agreementId', handler: 'api::company.agreements.update', request, config },
    { method: 'DELETE', path: '/consultant/companies/:id/agreements/:agreementId', handler: 'api::company.agreements.remove', config },
  ],
};
