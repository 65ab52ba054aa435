import type { Context } from 'koa';
import { approvalDecisionSchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';

const userId = (ctx: Context) => (ctx.state.user as { id: number }).id;

export default {
  async pending(ctx: Context) {
    ctx.body = { data: await getService('company.approvals').pending(userId(ctx)) };
  },

  async approve(ctx: Context) {
    const { comment } = parseInput(approvalDecisionSchema, ctx.request.body ?? {});
    await getService('company.approvals').approve(userId(ctx), String(ctx.params.reference), comment);
    ctx.body = { data: await getService('order.orders').getForCustomer(userId(ctx), String(ctx.params.reference)) };
  },

  async decline(ctx: Context) {
    const { comment } = parseInput(approvalDecisionSchema, ctx.request.body ?? {});
    await getService('company.approvals').decline(userId(ctx), String(ctx.params.reference), comment);
    ctx.body = { data: await getService('order.orders').getForCustomer(userId(ctx), String(ctx.params.reference)) };
  },
};
