import type { Context } from 'koa';
import { requestedLocale } from '../../../utils/locale';
import { getService } from '../../../utils/services';

export default {
  async find(ctx: Context) {
    ctx.body = { data: await getService('product.catalogue').listEcoLabels(requestedLocale(ctx.query)) };
  },
};
