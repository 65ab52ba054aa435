import { z } from 'zod';
import { emailSchema } from './identity.ts';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

/**
 * The contact form. `website` is a honeypot: hidden from people, filled in by bots;
 * the cms accepts such a request silently and stores nothing.
 */
export const inquirySchema = z.strictObject({
  company: text('Company', 120),
  firstName: text('First name', 60),
  lastName: text('Last name', 60),
  email: emailSchema,
  subject: text('Subject', 150),
  message: text('Message', 5000).min(10, 'Message must be at least 10 characters'),
  website: z.string().max(200).optional(),
});
export type Inquiry = z.infer<typeof inquirySchema>;
