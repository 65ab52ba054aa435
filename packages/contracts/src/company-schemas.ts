import { z } from 'zod';
import { COMPANY_ROLES, MAX_SPENDING_LIMIT_CENTS, PAYMENT_METHODS, PAYMENT_TERMS } from './company.ts';
import { calendarDay, cents, timestamp } from './answers.ts';
import type { companyTermsSchema } from './orders.ts';
import { registrationSchema } from './account.ts';
import { emailSchema } from './identity.ts';
import { textField } from './text.ts';
import { rule } from './error-codes.ts';
import { localeSchema } from './locale-schema.ts';

/**
 * Request shapes of the company routes (members, invitations, requests to join). Kept apart
 * from company.ts, which browser code imports without zod.
 */
export const companyRoleSchema = z.enum(COMPANY_ROLES, { error: `must be one of ${COMPANY_ROLES.join(', ')}` });

/** A spending limit in cents excl. VAT: a whole number from 0 to €1M, or null for none. */
export const spendingLimitSchema = z
  .number({ error: 'A limit must be a number of cents, or null for none' })
  .int('A limit must be a whole number of cents')
  .min(0, 'A limit cannot be below zero')
  .max(MAX_SPENDING_LIMIT_CENTS, `A limit is at most ${MAX_SPENDING_LIMIT_CENTS} cents (€1,000,000)`)
  .nullable();

/** POST /api/company/invitations. `locale`: the language of the mail, the inviter's own when absent. */
export const invitationCreateSchema = z.strictObject({
  email: emailSchema,
  role: companyRoleSchema,
  locale: localeSchema.optional(),
});
export type InvitationCreate = z.infer<typeof invitationCreateSchema>;

/** PUT /api/company/members/:id: only what is sent changes. */
export const memberUpdateSchema = z
  .strictObject({ role: companyRoleSchema, orderLimitCents: spendingLimitSchema, monthlyLimitCents: spendingLimitSchema })
  .partial()
  .refine((value) => Object.keys(value).length > 0, rule('profile.nothing_to_change', 'Send at least one field to change'));
export type MemberUpdate = z.infer<typeof memberUpdateSchema>;

/** POST /api/company/join-requests/:id/approve: the newcomer's role, a buyer when not said. */
export const joinApproveSchema = z.strictObject({ role: companyRoleSchema.default('buyer') });
/** POST /api/company/join-requests/:id/refuse: an optional word for the person refused. */
export const joinRefuseSchema = z.strictObject({ comment: textField('Comment', { max: 1000, min: 0, kind: 'multi-line' }).optional().default('') });

/** The secret of an invitation link: 43 characters of base64url (32 random bytes). */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * POST /api/company/invitations/:token/accept, for an address without an account: the
 * registration's personal fields (the email is the invited one, the company the inviting one).
 * Someone signed in as the invited address sends an empty body.
 */
export const invitationAcceptSchema = registrationSchema.pick({ firstName: true, lastName: true, phone: true, password: true, locale: true });
export type InvitationAccept = z.infer<typeof invitationAcceptSchema>;
export type InvitationAcceptInput = z.input<typeof invitationAcceptSchema>;

// ---------------------------------------------------------------- answers
const member = z.number().int();

/** GET /api/checkout/options: how the signed-in buyer may pay. */
export const checkoutOptionsSchema = z.strictObject({
  methods: z.array(z.enum(PAYMENT_METHODS)),
  paymentTerms: z.enum(PAYMENT_TERMS),
  requirePurchaseOrder: z.boolean(),
  creditLimitCents: cents,
  /** The credit limit less the unpaid orders on invoice (never below zero). */
  creditAvailableCents: cents,
  /** An invoice of the company is past its due date: no order on invoice until it is settled. */
  overdue: z.boolean(),
  /** When an order placed today on invoice would fall due. */
  dueDateIfToday: calendarDay.nullable(),
});
export type CheckoutOptions = z.infer<typeof checkoutOptionsSchema>;

/** A company's payment terms, as its consultant sets them. */
export type CompanyTerms = z.infer<typeof companyTermsSchema>;

/** A member as their colleagues see them; email and limits only for an admin (null otherwise). */
export const companyMemberSchema = z.strictObject({
  id: member,
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(COMPANY_ROLES),
  /** The member's own account. */
  isMe: z.boolean(),
  email: z.string().nullable(),
  orderLimitCents: cents.nullable(),
  monthlyLimitCents: cents.nullable(),
});
export type CompanyMember = z.infer<typeof companyMemberSchema>;

/** An invitation waiting to be accepted (admins only). */
export const companyInvitationSchema = z.strictObject({ id: member, email: z.string(), role: z.enum(COMPANY_ROLES), expiresAt: timestamp, invitedBy: z.string() });
export type CompanyInvitation = z.infer<typeof companyInvitationSchema>;

/** Someone who registered with the company's SIRET and asks to join it (admins only). */
export const companyJoinRequestSchema = z.strictObject({ id: member, firstName: z.string(), lastName: z.string(), email: z.string(), phone: z.string(), requestedAt: timestamp });
export type CompanyJoinRequest = z.infer<typeof companyJoinRequestSchema>;

/** GET /api/company: the signed-in member's company. Invitations and requests are empty for anyone but an admin. */
export const companyOverviewSchema = z.strictObject({
  id: member,
  legalName: z.string(),
  siret: z.string(),
  vatNumber: z.string(),
  billingAddress: z.strictObject({ line1: z.string(), line2: z.string(), postalCode: z.string(), city: z.string(), country: z.string() }).nullable(),
  role: z.enum(COMPANY_ROLES),
  members: z.array(companyMemberSchema),
  invitations: z.array(companyInvitationSchema),
  joinRequests: z.array(companyJoinRequestSchema),
});
export type CompanyOverview = z.infer<typeof companyOverviewSchema>;

/** GET /api/company/invitations/:token: what the invited person reads before accepting. */
export const invitationPreviewSchema = z.strictObject({
  email: z.string(),
  role: z.enum(COMPANY_ROLES),
  legalName: z.string(),
  invitedBy: z.string(),
  expiresAt: timestamp,
  /** The address already has an account: its owner signs in to accept. */
  hasAccount: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** The small acknowledgements of the company routes. */
export const revokedAnswerSchema = z.strictObject({ revoked: z.literal(true) });
export const removedAnswerSchema = z.strictObject({ removed: z.literal(true) });
export const refusedAnswerSchema = z.strictObject({ refused: z.literal(true) });
export type RevokedAnswer = z.infer<typeof revokedAnswerSchema>;
export type RemovedAnswer = z.infer<typeof removedAnswerSchema>;
export type RefusedAnswer = z.infer<typeof refusedAnswerSchema>;
/** POST /api/company/invitations/:token/accept: who joined which company. */
export const invitationAcceptedSchema = z.strictObject({ email: z.string(), legalName: z.string() });
export type InvitationAccepted = z.infer<typeof invitationAcceptedSchema>;
