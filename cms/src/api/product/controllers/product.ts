import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { productListQuerySchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';

export default {
  async find(ctx: Context) {
    const query = parseInput(productListQuerySchema, ctx.query);
    ctx.body = await getService('product.catalogue').listProducts(query);
  },

  async findOne(ctx: Context) {
    const product = await getService('product.catalogue').findProduct(String(ctx.params.slug));
    if (!product) throw new errors.NotFoundError('No product has this address');
    ctx.body = { data: product };
  },
};
