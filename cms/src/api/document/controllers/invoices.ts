import type { Context } from 'koa';
import { getService } from '../../../utils/services';

const userId = (ctx: Context) => (ctx.state.user as { id: number }).id;

/** A document's PDF, named by its number, for this reader only: no shared cache keeps it. */
export async function sendPdf(ctx: Context, number: string, pdf: () => Promise<Buffer>) {
  const bytes = await pdf();
  ctx.set('Content-Type', 'application/pdf');
  ctx.set('Content-Disposition', `attachment; filename="${number}.pdf"`);
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = bytes;
}

/** A company's invoices, for those of its members who see the orders they belong to. */
export default {
  async list(ctx: Context) {
    ctx.body = { data: await getService('document.invoices').listForMember(userId(ctx)) };
  },

  async findOne(ctx: Context) {
    const invoices = getService('document.invoices');
    const { id, summary } = await invoices.findForMember(userId(ctx), String(ctx.params.number));
    ctx.body = { data: await invoices.detailOf(id, summary) };
  },

  async pdf(ctx: Context) {
    const invoices = getService('document.invoices');
    const { id, summary } = await invoices.findForMember(userId(ctx), String(ctx.params.number));
    await sendPdf(ctx, summary.number, () => invoices.pdfOf(id));
  },

  /** The credit notes of the invoices the member sees, newest first. */
  async creditNotes(ctx: Context) {
    const scope = await getService('company.companies').orderScope(userId(ctx));
    ctx.body = { data: await getService('document.credit-notes').list(scope) };
  },

  /** A credit note's PDF, for those who see the invoice it corrects. */
  async creditNotePdf(ctx: Context) {
    const scope = await getService('company.companies').orderScope(userId(ctx));
    const { id, summary } = await getService('document.credit-notes').find(String(ctx.params.number), scope);
    await sendPdf(ctx, summary.number, () => getService('document.invoices').pdfOf(id, 'credit_note'));
  },
};
