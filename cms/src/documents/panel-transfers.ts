import type { Core } from '@strapi/strapi';
import { refusal, transferSchema } from '@ventalis/contracts';
import type { Middleware } from './consultant-accounts';
import { asDocumentError, documentFieldError, documentValidationError, refused } from '../utils/validation';
import { getService } from '../utils/services';

const TRANSFER = 'api::document.transfer';
type Data = Record<string, unknown>;

/** The invoice a panel form names: a document id, or a relation input ({ connect: [{ documentId }] }, { set: … }). */
function invoiceDocumentId(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const relation = value as { connect?: { documentId?: string }[]; set?: { documentId?: string }[]; documentId?: string } | null;
  return relation?.documentId ?? relation?.connect?.[0]?.documentId ?? relation?.set?.[0]?.documentId ?? null;
}

/**
 * An administrator records a transfer received by adding a "Transfer received" in the panel:
 * the same rules as the consultant's (transferSchema, then the invoice's balance and dates)
 * apply through the invoices service, which writes the transfer and the invoice together.
 * A transfer recorded is never edited or deleted: a mistake is corrected by the bank's refund.
 */
export const panelTransfers = (strapi: Core.Strapi): Middleware => async (context, next) => {
  if (context.uid !== TRANSFER || ['findOne', 'findMany', 'findFirst', 'count'].includes(context.action)) return next();
  if (context.action !== 'create') throw refused(refusal('invoice.immutable', 'A recorded transfer never changes: record another one, or ask the bank to refund it'));
  const data = ((context.params as { data?: Data }).data ?? {}) as Data;
  const documentId = invoiceDocumentId(data.invoice);
  const invoice = documentId ? await strapi.db.query('api::document.invoice').findOne({ where: { documentId }, select: ['number'] }) : null;
  if (!invoice) throw documentFieldError(['invoice'], refusal('invoice.not_found', 'Choose the invoice this transfer pays'));
  const input = { amountCents: data.amountCents, receivedOn: data.receivedOn, bankReference: data.bankReference };
  const parsed = transferSchema.safeParse(input);
  if (!parsed.success) throw documentValidationError(parsed.error, input);
  const admin = strapi.requestContext.get()?.state?.user as { firstname?: string; lastname?: string } | undefined;
  const name = [admin?.firstname, admin?.lastname].filter(Boolean).join(' ') || null;
  try {
    await getService('document.invoices').recordTransfer(invoice.number, parsed.data, { role: 'administrator', name });
  } catch (error) {
    throw asDocumentError(error);
  }
  const [created] = await strapi.db.query(TRANSFER).findMany({ where: { invoice: { number: invoice.number } }, select: ['documentId'], orderBy: { id: 'desc' }, limit: 1 });
  return strapi.documents(TRANSFER as never).findOne({ documentId: created.documentId } as never);
};
