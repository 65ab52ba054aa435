import type { Core } from '@strapi/strapi';
import { refusal } from '@ventalis/contracts';
import type { Middleware } from './consultant-accounts';
import { refused } from '../utils/validation';

/** What only the invoicing services write: issued invoices and credit notes, and the counters their numbers come from. */
const ISSUED = new Set(['api::document.invoice', 'api::document.credit-note', 'api::document.number-sequence']);
/** Quotes and their history change only through the quotes service, which records every step. */
const QUOTES = new Set(['api::quote.quote', 'api::quote.quote-event']);
const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

/**
 * An issued invoice never changes, and its number is never given twice: the panel (and any
 * other writer through the Document Service) may read them, never create, edit or delete them.
 * The invoicing services write through the database layer, where their own rules hold.
 */
export const issuedDocuments = (_strapi: Core.Strapi): Middleware => async (context, next) => {
  if (READS.has(context.action)) return next();
  if (ISSUED.has(context.uid)) throw refused(refusal('invoice.immutable', 'An issued invoice never changes: correct it with a credit note'));
  if (QUOTES.has(context.uid)) throw refused(refusal('quote.read_only', 'Quotes are written by consultants in their workspace and answered by buyers on the storefront: the panel reads them'));
  return next();
};
