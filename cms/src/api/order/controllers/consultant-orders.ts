import type { Context } from 'koa';
import { consultantOrderQuerySchema, noteSchema, statusChangeSchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';

const consultantOf = (ctx: Context) => {
  const user = ctx.state.user as { id: number; firstName?: string; lastName?: string };
  return { id: user.id, name: [user.firstName, user.lastName].filter(Boolean).join(' ') || null };
};

export default {
  async list(ctx: Context) {
    ctx.body = await getService('order.orders').listForConsultant(consultantOf(ctx).id, parseInput(consultantOrderQuerySchema, ctx.query));
  },

  async findOne(ctx: Context) {
    ctx.body = { data: (await getService('order.orders').getForConsultant(consultantOf(ctx).id, String(ctx.params.reference))).view };
  },

  async changeStatus(ctx: Context) {
    const { status, comment } = parseInput(statusChangeSchema, ctx.request.body);
    const consultant = consultantOf(ctx);
    const orders = getService('order.orders');
    const { row } = await orders.getForConsultant(consultant.id, String(ctx.params.reference));
    const order = (await getService('order.lifecycle').load({ id: row.id }))!;
    await getService('order.lifecycle').consultantChange(order, status, comment, { role: 'consultant', name: consultant.name });
    ctx.body = { data: (await orders.getForConsultant(consultant.id, order.reference)).view };
  },

  async addNote(ctx: Context) {
    const { body } = parseInput(noteSchema, ctx.request.body);
    const consultant = consultantOf(ctx);
    ctx.status = 201;
    ctx.body = { data: await getService('order.orders').addNote(consultant.id, String(ctx.params.reference), body, consultant.name ?? 'Consultant') };
  },
};
