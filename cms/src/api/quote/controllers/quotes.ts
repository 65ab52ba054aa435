import type { Context } from 'koa';
import { quoteAcceptSchema, quoteDeclineSchema, quoteRequestSchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';
import { sendPdf } from '../../document/controllers/invoices';

const userId = (ctx: Context) => (ctx.state.user as { id: number }).id;

/** A company member's quotes: asked from their cart, then accepted or declined. */
export default {
  async request(ctx: Context) {
    const request = parseInput(quoteRequestSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('quote.quotes').request(userId(ctx), request) };
  },

  async list(ctx: Context) {
    ctx.body = { data: await getService('quote.quotes').listForMember(userId(ctx)) };
  },

  async findOne(ctx: Context) {
    ctx.body = { data: await getService('quote.quotes').getForMember(userId(ctx), String(ctx.params.number)) };
  },

  async pdf(ctx: Context) {
    const { number, bytes } = await getService('quote.quotes').pdfForMember(userId(ctx), String(ctx.params.number));
    await sendPdf(ctx, number, async () => bytes);
  },

  /** The order the accepted offer becomes: the checkout's answer. */
  async accept(ctx: Context) {
    const request = parseInput(quoteAcceptSchema, ctx.request.body);
    const { order } = await getService('quote.quotes').accept(userId(ctx), String(ctx.params.number), request);
    ctx.status = 201;
    ctx.body = { data: { order: await getService('order.orders').getForCustomer(userId(ctx), order.reference) } };
  },

  async decline(ctx: Context) {
    const { reason } = parseInput(quoteDeclineSchema, ctx.request.body ?? {});
    ctx.body = { data: await getService('quote.quotes').decline(userId(ctx), String(ctx.params.number), reason) };
  },
};
