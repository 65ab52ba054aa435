import type { Core } from '@strapi/strapi';

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

const CATALOGUE = [
  'api::product.product.find',
  'api::product.product.findOne',
  'api::category.category.find',
  'api::category.category.findOne',
  'api::eco-label.eco-label.find',
  'api::pages.pages.home',
  'api::pages.pages.commitment',
  'api::inquiry.inquiry.submit',
];
const SIGNED_IN = ['plugin::users-permissions.auth.logout', 'plugin::users-permissions.auth.refresh'];
/** Invitation links: opened by their secret, by a visitor or by the invited address signed in. */
const INVITATION_LINKS = ['api::company.members.previewInvitation', 'api::company.members.acceptInvitation'];
/** The members of a company: its policies and the company services decide by role (admin, buyer, accountant). */
const COMPANY_MEMBERS = ['overview', 'invite', 'revokeInvitation', 'updateMember', 'removeMember', 'joinRequests', 'approveJoinRequest', 'refuseJoinRequest'].map((a) => `api::company.members.${a}`);
/** Conversations: the conversation services decide with whom (contact rules, participants). */
const CONVERSATIONS = [
  ...['list', 'unread', 'contacts', 'start', 'startForOrder', 'findOne', 'history', 'send', 'markRead'].map((a) => `api::conversation.conversation.${a}`),
  'api::conversation.ticket.ticket',
];

/**
 * What each storefront role may call. This list is the truth: at every start the
 * roles are set to exactly these permissions, whatever was toggled in the panel.
 */
export const STOREFRONT_GRANTS: Record<string, { name: string; description: string; actions: string[] }> = {
  public: {
    name: 'Public',
    description: 'Visitors: the catalogue, content pages, contact form, sign-in and registration',
    actions: [
      ...CATALOGUE,
      'plugin::users-permissions.auth.callback',
      'plugin::users-permissions.auth.register',
      'plugin::users-permissions.auth.forgotPassword',
      'plugin::users-permissions.auth.resetPassword',
      'plugin::users-permissions.auth.emailConfirmation',
      'plugin::users-permissions.auth.sendEmailConfirmation',
      'plugin::users-permissions.auth.refresh',
      ...INVITATION_LINKS,
    ],
  },
  authenticated: { name: 'Authenticated', description: 'Unused: every account is a Customer or a Consultant', actions: [] },
  customer: {
    name: 'Customer',
    description: 'Contacts of client companies',
    actions: [
      ...CATALOGUE,
      ...SIGNED_IN,
      'api::account.account.me',
      'api::account.account.updateMe',
      ...['view', 'add', 'setQuantity', 'remove', 'empty', 'quickOrder'].map((a) => `api::cart.cart.${a}`),
      ...['pending', 'approve', 'decline'].map((a) => `api::company.approvals.${a}`),
      ...['checkout', 'checkoutOptions', 'list', 'impact', 'impactPdf', 'impactCsv', 'findOne', 'payment', 'paySimulated', 'cancel', 'reorder'].map((a) => `api::order.order.${a}`),
      ...['list', 'findOne', 'pdf', 'creditNotes', 'creditNotePdf'].map((a) => `api::document.invoices.${a}`),
      ...['request', 'list', 'findOne', 'pdf', 'accept', 'decline'].map((a) => `api::quote.quotes.${a}`),
      ...COMPANY_MEMBERS,
      ...INVITATION_LINKS,
      ...CONVERSATIONS,
    ],
  },
  consultant: {
    name: 'Consultant',
    description: 'Account managers: their own clients only',
    actions: [
      ...CATALOGUE,
      ...SIGNED_IN,
      'api::account.account.me',
      // Only the language of their emails: a consultant has no company profile.
      'api::account.account.updateMe',
      'api::consultant.portfolio.clients',
      'api::consultant.portfolio.client',
      // Price agreements with the companies they follow (the routes' policy checks which).
      ...['list', 'create', 'update', 'remove'].map((a) => `api::company.agreements.${a}`),
      ...['list', 'findOne', 'changeStatus', 'addNote'].map((a) => `api::order.consultant-orders.${a}`),
      ...['list', 'findOne', 'pdf', 'recordTransfer', 'issueCreditNote', 'creditNotePdf'].map((a) => `api::document.consultant-invoices.${a}`),
      ...['list', 'findOne', 'pdf', 'send'].map((a) => `api::quote.consultant-quotes.${a}`),
      'api::company.terms.update',
      ...CONVERSATIONS,
    ],
  },
};

export async function syncStorefrontRoles(strapi: Core.Strapi) {
  for (const [type, grant] of Object.entries(STOREFRONT_GRANTS)) {
    let role = await strapi.db.query(ROLE).findOne({ where: { type }, select: ['id'] });
    role ??= await strapi.db.query(ROLE).create({ data: { type, name: grant.name, description: grant.description } });
    const existing: { id: number; action: string }[] = await strapi.db.query(PERMISSION).findMany({ where: { role: { id: role.id } }, select: ['id', 'action'] });
    const stale = existing.filter((p) => !grant.actions.includes(p.action));
    if (stale.length > 0) await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: stale.map((p) => p.id) } } });
    for (const action of grant.actions.filter((a) => !existing.some((p) => p.action === a))) {
      await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
    }
  }
}
