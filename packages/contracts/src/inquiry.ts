import { z } from 'zod';
import { emailSchema } from './identity.ts';
import { textField } from './text.ts';

const text = (label: string, max: number) => textField(label, { max });

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
  message: textField('Message', { max: 5000, min: 10, kind: 'multi-line' }),
  website: textField('Website', { max: 200, min: 0 }).optional(),
});
export type Inquiry = z.infer<typeof inquirySchema>;
