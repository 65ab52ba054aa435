import type { Context } from 'koa';
import { addToCartSchema, setQuantitySchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';

const customerId = (ctx: Context) => (ctx.state.user as { id: number }).id;

export default {
  async view(ctx: Context) {
    ctx.body = { data: await getService('cart.cart').view(customerId(ctx)) };
  },
  async add(ctx: Context) {
    const { product, quantity } = parseInput(addToCartSchema, ctx.request.body);
    ctx.body = { data: await getService('cart.cart').add(customerId(ctx), product, quantity) };
  },
  async setQuantity(ctx: Context) {
    const { quantity } = parseInput(setQuantitySchema, ctx.request.body);
    ctx.body = { data: await getService('cart.cart').setQuantity(customerId(ctx), String(ctx.params.slug), quantity) };
  },
  async remove(ctx: Context) {
    ctx.body = { data: await getService('cart.cart').remove(customerId(ctx), String(ctx.params.slug)) };
  },
  async empty(ctx: Context) {
    ctx.body = { data: await getService('cart.cart').empty(customerId(ctx)) };
  },
};
