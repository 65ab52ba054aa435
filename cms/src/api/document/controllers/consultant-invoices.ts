import type { Context } from 'koa';
import { consultantInvoiceQuerySchema, creditNoteRequestSchema, transferSchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';
import { sendPdf } from './invoices';

const consultantOf = (ctx: Context) => {
  const user = ctx.state.user as { id: number; firstName?: string; lastName?: string };
  return { id: user.id, name: [user.firstName, user.lastName].filter(Boolean).join(' ') || null };
};

/** A consultant's view of their companies' invoices, where they record the transfers received. */
export default {
  async list(ctx: Context) {
    ctx.body = { data: await getService('document.invoices').listForConsultant(consultantOf(ctx).id, parseInput(consultantInvoiceQuerySchema, ctx.query)) };
  },

  async findOne(ctx: Context) {
    const invoices = getService('document.invoices');
    const { id, summary } = await invoices.findForConsultant(consultantOf(ctx).id, String(ctx.params.number));
    ctx.body = { data: await invoices.detailOf(id, summary) };
  },

  async pdf(ctx: Context) {
    const invoices = getService('document.invoices');
    const { id, summary } = await invoices.findForConsultant(consultantOf(ctx).id, String(ctx.params.number));
    await sendPdf(ctx, summary.number, () => invoices.pdfOf(id));
  },

  async recordTransfer(ctx: Context) {
    const transfer = parseInput(transferSchema, ctx.request.body);
    const consultant = consultantOf(ctx);
    const invoices = getService('document.invoices');
    const summary = await invoices.recordTransfer(String(ctx.params.number), transfer, { role: 'consultant', name: consultant.name }, await invoices.consultantScope(consultant.id));
    const { id } = await invoices.findForConsultant(consultant.id, summary.number);
    ctx.status = 201;
    ctx.body = { data: await invoices.detailOf(id, summary) };
  },

  /** A credit note on one of their companies' invoices: everything left, or the lines and quantities named, with a reason. */
  async issueCreditNote(ctx: Context) {
    const request = parseInput(creditNoteRequestSchema, ctx.request.body);
    const consultant = consultantOf(ctx);
    const invoices = getService('document.invoices');
    const { id } = await invoices.findForConsultant(consultant.id, String(ctx.params.number));
    await getService('document.credit-notes').issue(id, request, { role: 'consultant', name: consultant.name });
    const { summary } = await invoices.findForConsultant(consultant.id, String(ctx.params.number));
    ctx.status = 201;
    ctx.body = { data: await invoices.detailOf(id, summary) };
  },

  async creditNotePdf(ctx: Context) {
    const scope = await getService('document.invoices').consultantScope(consultantOf(ctx).id);
    const { id, summary } = await getService('document.credit-notes').find(String(ctx.params.number), scope);
    await sendPdf(ctx, summary.number, () => getService('document.invoices').pdfOf(id, 'credit_note'));
  },
};
