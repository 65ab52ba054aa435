import type { Context } from 'koa';
import { addToCartSchema, quickOrderRequestSchema, refusal, setQuantitySchema } from '@ventalis/contracts';
import { parseInput, refused } from '../../../utils/validation';
import { requestedLocale } from '../../../utils/locale';
import { getService } from '../../../utils/services';

const customerId = (ctx: Context) => (ctx.state.user as { id: number }).id;

interface UploadedFile {
  filepath: string;
  size: number;
}
/** The files of a multipart request (formidable's, on disk until the answer leaves: see global::uploaded-files). */
const uploadedFiles = (ctx: Context) => (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {};

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
  /** `{ lines }` (JSON or a form field) or a CSV `file` (multipart): see the quick-order service. */
  async quickOrder(ctx: Context) {
    const locale = requestedLocale(ctx.query);
    const files = uploadedFiles(ctx);
    const unexpected = Object.keys(files).filter((field) => field !== 'file');
    if (unexpected.length > 0) throw refused(refusal('request.unknown_fields', `Unexpected file fields: ${unexpected.join(', ')} (send the CSV as "file")`, { fields: unexpected.join(',') }));
    if (Array.isArray(files.file)) throw refused(refusal('request.invalid', 'Send one file at a time'));
    const { lines } = parseInput(quickOrderRequestSchema, ctx.request.body);
    const file = files.file ? { path: files.file.filepath, size: files.file.size } : undefined;
    ctx.body = { data: await getService('cart.quick-order').order(customerId(ctx), { lines, file }, locale) };
  },
  async empty(ctx: Context) {
    ctx.body = { data: await getService('cart.cart').empty(customerId(ctx), requestedLocale(ctx.query)) };
  },
};
