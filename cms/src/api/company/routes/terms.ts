/** A consultant sets the payment terms of the companies they follow (administrators do it in the panel). */
export default {
  routes: [{ method: 'PUT', path: '/consultant/companies/:id/terms', handler: 'api::company.terms.update' }],
};
