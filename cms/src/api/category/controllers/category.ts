import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getService } from '../../../utils/services';

export default {
  async find(ctx: Context) {
    ctx.body = { data: await getService('product.catalogue').listCategories() };
  },

  async findOne(ctx: Context) {
    const category = await getService('product.catalogue').findCategory(String(ctx.params.slug));
    if (!category) throw new errors.NotFoundError('No category has this address');
    ctx.body = { data: category };
  },
};
