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
export const isPaymentTerms = (value: unknown): value is PaymentTerms => typeof value === 'string' && (PAYMENT_TERMS as readonly string[]).includes(value);

/** How an order is paid: by card at checkout, or on invoice (bank transfer by the due date). */
export const PAYMENT_METHODS = ['card', 'invoice'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** Where an order's money stands, apart from where its goods are (its status). */
export const PAYMENT_STATUSES = ['unpaid', 'paid', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The most a consultant may grant as credit: €1,000,000. */
export const MAX_CREDIT_LIMIT_CENTS = 100_000_000;

const DAY = 86_400_000;
/**
 * When an invoice issued on `issued` falls due under these terms (French law: at most 60 days
 * from the invoice, or 45 days end of month). "45 days end of month" counts 45 days, then runs
 * to the end of that month. Dates are calendar days in UTC; null for payment by card.
 */
export function paymentDueDate(terms: PaymentTerms, issued: Date): Date | null {
  const day = Date.UTC(issued.getUTCFullYear(), issued.getUTCMonth(), issued.getUTCDate());
  switch (terms) {
    case 'transfer_30_days':
      return new Date(day + 30 * DAY);
    case 'transfer_60_days':
      return new Date(day + 60 * DAY);
    case 'transfer_45_days_end_of_month': {
      const after = new Date(day + 45 * DAY);
      return new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth() + 1, 0));
    }
    default:
      return null;
  }
}

/** The most an admin may set as a buyer's limit, per order or per month: €1,000,000 excl. VAT. */
export const MAX_SPENDING_LIMIT_CENTS = 100_000_000;
/** How long an invitation link works. */
export const INVITATION_VALID_DAYS = 7;
