/** An admin of a client company decides on the orders above a buyer's limit. */
export default {
  routes: [
    { method: 'GET', path: '/company/approvals', handler: 'api::company.approvals.pending' },
    { method: 'POST', path: '/company/approvals/:reference/approve', handler: 'api::company.approvals.approve' },
    { method: 'POST', path: '/company/approvals/:reference/decline', handler: 'api::company.approvals.decline' },
  ],
};
