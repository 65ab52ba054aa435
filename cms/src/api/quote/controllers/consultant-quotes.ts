import type { Context } from 'koa';
import { consultantQuoteQuerySchema, quoteOfferSchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';
import { sendPdf } from '../../document/controllers/invoices';

const consultantOf = (ctx: Context) => {
  const user = ctx.state.user as { id: number; firstName?: string; lastName?: string };
  return { id: user.id, name: [user.firstName, user.lastName].filter(Boolean).join(' ') || null };
};

/** A consultant's view of their companies' quotes, where they write and send the offers. */
export default {
  async list(ctx: Context) {
    ctx.body = { data: await getService('quote.quotes').listForConsultant(consultantOf(ctx).id, parseInput(consultantQuoteQuerySchema, ctx.query)) };
  },

  async findOne(ctx: Context) {
    ctx.body = { data: await getService('quote.quotes').getForConsultant(consultantOf(ctx).id, String(ctx.params.number)) };
  },

  async pdf(ctx: Context) {
    const { number, bytes } = await getService('quote.quotes').pdfForConsultant(consultantOf(ctx).id, String(ctx.params.number));
    await sendPdf(ctx, number, async () => bytes);
  },

  /** Sends the offer (or a revised one): the buyer gets it by email with its PDF. */
  async send(ctx: Context) {
    const offer = parseInput(quoteOfferSchema, ctx.request.body);
    const consultant = consultantOf(ctx);
    ctx.body = { data: await getService('quote.quotes').send(consultant.id, String(ctx.params.number), offer, consultant.name) };
  },
};
