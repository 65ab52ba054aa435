import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { productListQuerySchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { requestedLocale } from '../../../utils/locale';
import { getService } from '../../../utils/services';
import type { CompanyPricing } from '../../company/services/prices';

/** The prices of the signed-in member's company, when it has agreements in force (company-prices middleware). */
const pricingOf = (ctx: Context) => ctx.state.companyPricing as CompanyPricing | undefined;

export default {
  async find(ctx: Context) {
    requestedLocale(ctx.query);
    const query = parseInput(productListQuerySchema, ctx.query);
    ctx.body = await getService('product.catalogue').listProducts(query, pricingOf(ctx));
  },

  async findOne(ctx: Context) {
    const locale = requestedLocale(ctx.query);
    const product = await getService('product.catalogue').findProduct(String(ctx.params.slug), locale, pricingOf(ctx));
    if (!product) throw new errors.NotFoundError('No product has this address');
    ctx.body = { data: product };
  },
};
