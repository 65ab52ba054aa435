import { z } from 'zod';
import { COMPANY_ROLES } from './company.ts';
import { companyTermsSchema } from './orders.ts';
import { localeAnswer, timestamp } from './answers.ts';
import { emailSchema, isPlausibleEuVatNumber, isValidSiret, normaliseVatNumber, passwordSchema, phoneSchema } from './identity.ts';
import { textField } from './text.ts';
import { rule } from './error-codes.ts';
import { optionalLocaleSchema, localeSchema } from './locale-schema.ts';
import type { Locale } from './locale.ts';

const requiredText = (label: string, max: number) => textField(label, { max });

export const addressSchema = z.strictObject({
  line1: requiredText('Address line 1', 120),
  line2: textField('Address line 2', { max: 120, min: 0 }).optional().default(''),
  postalCode: z
    .string({ error: 'Postal code is required' })
    .trim()
    .refine((code) => /^[A-Za-z0-9 -]{3,10}$/.test(code), rule('postal_code.invalid', 'Postal code must be 3 to 10 letters or digits')),
  city: requiredText('City', 80),
  country: z
    .string({ error: 'Country is required' })
    .trim()
    .refine((country) => /^[A-Za-z]{2}$/.test(country), rule('country.invalid', 'Country must be a two-letter code, like FR'))
    .transform((c) => c.toUpperCase()),
});
export type Address = z.infer<typeof addressSchema>;
/** An address as the cms answers it. */
export const addressAnswerSchema = z.strictObject({ line1: z.string(), line2: z.string(), postalCode: z.string(), city: z.string(), country: z.string() });

export const siretSchema = z
  .string({ error: 'SIRET is required' })
  .transform((s) => s.replace(/\s+/g, ''))
  .refine((s) => /^\d{14}$/.test(s), rule('siret.invalid_format', 'SIRET must be 14 digits'))
  .refine(isValidSiret, rule('siret.invalid_checksum', 'SIRET is not valid: its check digit does not match'));

export const vatNumberSchema = z
  .string()
  .transform(normaliseVatNumber)
  .refine((v) => v === '' || isPlausibleEuVatNumber(v), rule('vat_number.invalid', 'VAT number must be an EU VAT number, like FR40303265045'));

/** What the storefront's registration form sends. Unknown keys (role, confirmed…) are refused. */
export const registrationSchema = z.strictObject({
  companyName: requiredText('Company name', 120),
  siret: siretSchema,
  vatNumber: vatNumberSchema.optional().default(''),
  firstName: requiredText('First name', 60),
  lastName: requiredText('Last name', 60),
  email: emailSchema,
  phone: phoneSchema,
  billingAddress: addressSchema,
  password: passwordSchema,
  /** The language of the account's emails: the storefront sends the language of the page. */
  locale: optionalLocaleSchema,
});
export type Registration = z.infer<typeof registrationSchema>;
export type RegistrationInput = z.input<typeof registrationSchema>;

/** What a customer may change in their own profile: only what they send changes. */
export const profileUpdateSchema = z
  .strictObject({
    companyName: registrationSchema.shape.companyName,
    vatNumber: vatNumberSchema,
    firstName: registrationSchema.shape.firstName,
    lastName: registrationSchema.shape.lastName,
    phone: phoneSchema,
    billingAddress: addressSchema,
    locale: localeSchema,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, rule('profile.nothing_to_change', 'Send at least one field to change'));
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

/** What any storefront account (a consultant's too) may change: the language of its emails and pages. */
export const accountLocaleSchema = z.strictObject({ locale: localeSchema });

export const forgotPasswordSchema = z.strictObject({ email: emailSchema });

export const resetPasswordSchema = z
  .strictObject({
    code: z.string({ error: 'The reset code is required' }).refine((code) => /^[a-f0-9]{64}$/.test(code), rule('password_reset.link_malformed', 'The reset link is malformed: open the link from the email again')),
    password: passwordSchema,
    passwordConfirmation: z.string({ error: 'Confirm the new password' }),
  })
  .refine((v) => v.password === v.passwordConfirmation, {
    path: ['passwordConfirmation'],
    ...rule('password.mismatch', 'The two passwords do not match'),
  });

export const loginSchema = z.strictObject({
  identifier: emailSchema,
  password: z.string({ error: 'Password is required' }).min(1, 'Password is required').max(128),
});

/** The consultant card a customer sees on their dashboard. */
/** A customer's place in a company, as their account answers it. */
export const companyMembershipSchema = z.strictObject({
  company: z.strictObject({ id: z.number().int(), legalName: z.string(), siret: z.string(), vatNumber: z.string() }),
  role: z.enum(COMPANY_ROLES),
});
export type CompanyMembership = z.infer<typeof companyMembershipSchema>;

/** Someone who registered with the SIRET of an existing company and waits for its admins. */
export const pendingJoinSchema = z.strictObject({ legalName: z.string(), requestedAt: timestamp });
export type PendingJoin = z.infer<typeof pendingJoinSchema>;

export const consultantCardSchema = z.strictObject({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  employeeNumber: z.string(),
});
export type ConsultantCard = z.infer<typeof consultantCardSchema>;

export const customerProfileSchema = z.strictObject({
  id: z.number().int(),
  email: z.string(),
  companyName: z.string(),
  siret: z.string(),
  vatNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  billingAddress: addressAnswerSchema.nullable(),
  confirmed: z.boolean(),
  /** The language of the account's emails and, by default, of its pages. */
  locale: localeAnswer,
  consultant: consultantCardSchema.nullable(),
  /** The company the customer belongs to (its name, SIRET, VAT number and billing address are the fields above) and their role in it. */
  membership: companyMembershipSchema.nullable(),
  /** Registered with the SIRET of an existing company: the request its admins have not answered yet. */
  pendingJoin: pendingJoinSchema.nullable(),
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;

/** GET /api/account: a customer's profile, or a consultant's own card. */
export const accountSchema = z.discriminatedUnion('role', [
  customerProfileSchema.extend({ role: z.literal('customer') }),
  z.strictObject({ role: z.literal('consultant'), consultant: consultantCardSchema.nullable(), locale: localeAnswer }),
]);
export type Account = z.infer<typeof accountSchema>;

export const clientSearchSchema = z.strictObject({
  q: textField('Search', { max: 100, min: 0 }).optional(),
  page: z.coerce.number({ error: 'page must be a number' }).int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number({ error: 'pageSize must be a number' }).int().min(1).max(100, 'pageSize is at most 100').default(25),
});

export const clientSummarySchema = z.strictObject({
  id: z.number().int(),
  companyName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string(),
  orderCount: z.number().int(),
  lastOrderAt: timestamp.nullable(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

/** A client as their consultant sees them. */
export const clientDetailSchema = clientSummarySchema.extend({
  /** The client's company: its consultant sets its negotiated prices. */
  companyId: z.number().int().nullable(),
  siret: z.string(),
  vatNumber: z.string().nullable(),
  confirmed: z.boolean(),
  createdAt: timestamp,
  billingAddress: z.strictObject({ line1: z.string(), line2: z.string().nullable(), postalCode: z.string(), city: z.string(), country: z.string() }).nullable(),
  /** The client's company and its payment terms, which their consultant sets. */
  company: companyTermsSchema.extend({ id: z.number().int() }).nullable(),
});
export type ClientDetail = z.infer<typeof clientDetailSchema>;
