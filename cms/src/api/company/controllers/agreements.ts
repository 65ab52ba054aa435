import type { Context } from 'koa';
import { priceAgreementInputSchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { requestedLocale } from '../../../utils/locale';
import { getService } from '../../../utils/services';

const companyId = (ctx: Context) => Number(ctx.params.id);
const agreementId = (ctx: Context) => Number(ctx.params.agreementId);

/** A consultant's price agreements with one of their companies (the route's policy checks whose). */
export default {
  async list(ctx: Context) {
    ctx.body = { data: await getService('company.prices').list(companyId(ctx), requestedLocale(ctx.query)) };
  },
  async create(ctx: Context) {
    const locale = requestedLocale(ctx.query);
    const input = parseInput(priceAgreementInputSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('company.prices').create(companyId(ctx), (ctx.state.user as { id: number }).id, input, locale) };
  },
  async update(ctx: Context) {
    const locale = requestedLocale(ctx.query);
    const input = parseInput(priceAgreementInputSchema, ctx.request.body);
    ctx.body = { data: await getService('company.prices').update(companyId(ctx), agreementId(ctx), input, locale) };
  },
  async remove(ctx: Context) {
    await getService('company.prices').remove(companyId(ctx), agreementId(ctx));
    ctx.status = 204;
  },
};
