import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { requestedLocale } from '../../../utils/locale';
import { getService } from '../../../utils/services';

export default {
  async find(ctx: Context) {
    ctx.body = { data: await getService('product.catalogue').listCategories(requestedLocale(ctx.query)) };
  },

  async findOne(ctx: Context) {
    const category = await getService('product.catalogue').findCategory(String(ctx.params.slug), requestedLocale(ctx.query));
    if (!category) throw new errors.NotFoundError('No category has this address');
    ctx.body = { data: category };
  },
};
