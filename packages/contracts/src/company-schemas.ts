import { z } from 'zod';
import { COMPANY_ROLES, MAX_SPENDING_LIMIT_CENTS } from './company.ts';
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
