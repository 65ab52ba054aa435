/**
 * Client companies: the company is the client (it has the consultant, owns the orders);
 * people are its members with a role. Who may do what by role is decided here, once, for
 * the cms' checks and the storefront's menus alike. No zod here: browser code may import it.
 */
export const COMPANY_ROLES = ['admin', 'buyer', 'accountant'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];
export const isCompanyRole = (value: unknown): value is CompanyRole => typeof value === 'string' && (COMPANY_ROLES as readonly string[]).includes(value);

/** An admin and a buyer order; an accountant follows orders and payments but never orders. */
export const mayOrder = (role: CompanyRole | null | undefined): boolean => role === 'admin' || role === 'buyer';
/** An admin and an accountant see every order of the company; a buyer sees their own. */
export const seesCompanyOrders = (role: CompanyRole | null | undefined): boolean => role === 'admin' || role === 'accountant';
/** Only an admin invites, removes and sets the role and limits of members, and decides on requests to join. */
export const managesMembers = (role: CompanyRole | null | undefined): boolean => role === 'admin';

/** How a company pays: by card at checkout, or on invoice by bank transfer within these terms. */
export const PAYMENT_TERMS = ['card', 'transfer_30_days', 'transfer_45_days_end_of_month', 'transfer_60_days'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];

/** A customer's place in a company, as their account answers it. */
export interface CompanyMembership {
  company: { id: number; legalName: string; siret: string; vatNumber: string };
  role: CompanyRole;
}

/** Someone who registered with the SIRET of an existing company and waits for its admins. */
export interface PendingJoin {
  legalName: string;
  requestedAt: string;
}

/** The most an admin may set as a buyer's limit, per order or per month: €1,000,000 excl. VAT. */
export const MAX_SPENDING_LIMIT_CENTS = 100_000_000;
/** How long an invitation link works. */
export const INVITATION_VALID_DAYS = 7;

/** A member as their colleagues see them; email and limits only for an admin (null otherwise). */
export interface CompanyMember {
  id: number;
  firstName: string;
  lastName: string;
  role: CompanyRole;
  /** The member's own account. */
  isMe: boolean;
  email: string | null;
  orderLimitCents: number | null;
  monthlyLimitCents: number | null;
}

/** An invitation waiting to be accepted (admins only). */
export interface CompanyInvitation {
  id: number;
  email: string;
  role: CompanyRole;
  expiresAt: string;
  invitedBy: string;
}

/** Someone who registered with the company's SIRET and asks to join it (admins only). */
export interface CompanyJoinRequest {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  requestedAt: string;
}

/** GET /api/company: the signed-in member's company. Invitations and requests are empty for anyone but an admin. */
export interface CompanyOverview {
  id: number;
  legalName: string;
  siret: string;
  vatNumber: string;
  billingAddress: { line1: string; line2: string; postalCode: string; city: string; country: string } | null;
  role: CompanyRole;
  members: CompanyMember[];
  invitations: CompanyInvitation[];
  joinRequests: CompanyJoinRequest[];
}

/** GET /api/company/invitations/:token: what the invited person reads before accepting. */
export interface InvitationPreview {
  email: string;
  role: CompanyRole;
  legalName: string;
  invitedBy: string;
  expiresAt: string;
  /** The address already has an account: its owner signs in to accept. */
  hasAccount: boolean;
}
