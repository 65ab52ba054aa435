const member = { policies: ['api::company.is-company-member'] };
const admin = { policies: ['api::company.is-company-admin'] };

/**
 * The members of the signed-in person's company. Invitation links are public: the link's
 * secret is what opens them (`:token`); an admin names invitations, members and requests by id.
 */
export default {
  routes: [
    { method: 'GET', path: '/company', handler: 'api::company.members.overview', config: member },
    { method: 'POST', path: '/company/invitations', handler: 'api::company.members.invite', config: admin },
    { method: 'DELETE', path: '/company/invitations/:id', handler: 'api::company.members.revokeInvitation', config: admin },
    { method: 'GET', path: '/company/invitations/:token', handler: 'api::company.members.previewInvitation' },
    { method: 'POST', path: '/company/invitations/:token/accept', handler: 'api::company.members.acceptInvitation' },
    { method: 'PUT', path: '/company/members/:id', handler: 'api::company.members.updateMember', config: admin },
    // `:id` = `me`: a member leaves; an admin removes a colleague by id.
    { method: 'DELETE', path: '/company/members/:id', handler: 'api::company.members.removeMember', config: member },
    { method: 'GET', path: '/company/join-requests', handler: 'api::company.members.joinRequests', config: admin },
    { method: 'POST', path: '/company/join-requests/:id/approve', handler: 'api::company.members.approveJoinRequest', config: admin },
    { method: 'POST', path: '/company/join-requests/:id/refuse', handler: 'api::company.members.refuseJoinRequest', config: admin },
  ],
};
