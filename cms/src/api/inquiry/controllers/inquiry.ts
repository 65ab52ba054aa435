import type { Context } from 'koa';
import { inquirySchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';

export default {
  async submit(ctx: Context) {
    const inquiry = parseInput(inquirySchema, ctx.request.body);
    // A bot caught by the honeypot gets the same answer as a person.
    await getService('inquiry.inquiry').submit(inquiry);
    ctx.status = 201;
    ctx.body = { data: { received: true } };
  },
};
