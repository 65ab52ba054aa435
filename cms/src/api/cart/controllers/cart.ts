import type { Context } from 'koa';
import { addToCartSchema, setQuantitySchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { requestedLocale } from '../../../utils/locale';
import { getService } from '../../../utils/services';

const customerId = (ctx: Context) => (ctx.state.user as { id: number }).id;

/** Every answer is the cart, its product names in `?locale=fr|en` (French when absent). */
export default {
  async view(ctx: Context) {
    ctx.body = { data: await getService('cart.cart').view(customerId(ctx), requestedLocale(ctx.query)) };
  },
  async add(ctx: Context) {
    const locale = requestedLocale(ctx.query);
    const { product, quantity } = parseInput(addToCartSchema, ctx.request.body);
    ctx.body = { data: await getService('cart.cart').add(customerId(ctx), product, quantity, locale) };
  },
  async setQuantity(ctx: Context) {
    const locale = requestedLocale(ctx.query);
    const { quantity } = parseInput(setQuantitySchema, ctx.request.body);
    ctx.body = { data: await getService('cart.cart').setQuantity(customerId(ctx), String(ctx.params.slug), quantity, locale) };
  },
  async remove(ctx: Context) {
    ctx.body = { data: await getService('cart.cart').remove(customerId(ctx), String(ctx.params.slug), requestedLocale(ctx.query)) };
  },
  async empty(ctx: Context) {
    ctx.body = { data: await getService('cart.cart').empty(customerId(ctx), requestedLocale(ctx.query)) };
  },
};
