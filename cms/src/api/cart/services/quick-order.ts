import { readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import {
  DEFAULT_LOCALE,
  QUICK_ORDER_MAX_FILE_BYTES,
  refusal,
  type Locale,
  type QuickOrderAdded,
  type QuickOrderRefused,
  type QuickOrderResult,
  type Refusal,
} from '@ventalis/contracts';
import { refused } from '../../../utils/validation';
import { getService } from '../../../utils/services';
import { decodeUpload, readQuickOrderLines } from './quick-order-lines';

/** What a buyer sent: the lines typed or pasted, or a CSV file (its path on disk and size). */
export interface QuickOrderInput {
  lines?: string;
  file?: { path: string; size: number };
}

const coded = ({ code, params }: Refusal) => (params ? { code, params } : { code });

/**
 * Quick order: many "SKU;quantity" lines into the cart at once. Each line is checked like a
 * cart line — the same `addUnits` as "Add to cart", so the same quantity rules — and a line that
 * fails is reported with its number and why, while the others go in. A request refused as a
 * whole (empty, more than 500 lines, not text, too large) changes nothing.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The text to read, or the refusal of the request as a whole. */
  const textOf = async (input: QuickOrderInput): Promise<string> => {
    if (input.file && input.lines?.trim()) throw refused(refusal('quick_order.lines_and_file', 'Send either lines or a file, not both'));
    if (!input.file) return input.lines ?? '';
    if (input.file.size > QUICK_ORDER_MAX_FILE_BYTES) {
      const max = QUICK_ORDER_MAX_FILE_BYTES / 1024;
      throw refused(refusal('quick_order.file_too_large', `The file is larger than ${max} KB: a quick order takes at most 500 lines`, { max }));
    }
    const decoded = decodeUpload(await readFile(input.file.path));
    if ('refusal' in decoded) throw refused(decoded.refusal);
    return decoded.text;
  };

  return {
    async order(customerId: number, input: QuickOrderInput, locale: Locale = DEFAULT_LOCALE): Promise<QuickOrderResult> {
      await getService('company.companies').assertMayOrder(customerId);
      const read = readQuickOrderLines(await textOf(input));
      if ('refusal' in read) throw refused(read.refusal);

      const cart = getService('cart.cart');
      const added: QuickOrderAdded[] = [];
      const refusedLines: QuickOrderRefused[] = [];
      const refuse = (line: number, sku: string, problem: Refusal) => refusedLines.push({ line, sku, code: coded(problem), reason: problem.message });

      // All the valid lines go in together, or none if the database fails half-way.
      await strapi.db.transaction(async () => {
        const products = await cart.productsBySku(Array.from(new Set(read.lines.map((l) => l.sku))));
        const lines = await cart.storedLines(customerId);
        const firstLineOf = new Map<string, number>();
        for (const entry of read.lines) {
          if ('refusal' in entry) {
            refuse(entry.line, entry.sku, entry.refusal);
            continue;
          }
          const { line, sku, quantity } = entry;
          // The same SKU twice is most likely a slip (or two lines meant as one): the first line
          // counts and the next are refused, saying where the first is, rather than guessing a sum.
          const firstLine = firstLineOf.get(sku);
          if (firstLine !== undefined) {
            refuse(line, sku, refusal('quick_order.duplicate_sku', `Line ${line}: ${sku} is already on line ${firstLine}`, { sku, firstLine }));
            continue;
          }
          firstLineOf.set(sku, line);
          const product = products.get(sku);
          if (!product) {
            refuse(line, sku, refusal('quick_order.unknown_sku', `Line ${line}: no product has the SKU ${sku}`, { sku }));
            continue;
          }
          // Like "Add to cart": the units add to what the cart already holds for the product,
          // which is what a buyer topping up a cart expects; the line's new total follows the rules.
          const problem = await cart.addUnits(customerId, product, quantity, lines);
          if (problem) refuse(line, sku, { ...problem, message: `Line ${line}: ${product.name}: ${problem.message}` });
          else added.push({ line, sku, quantity });
        }
      });

      return { cart: await cart.view(customerId, locale), added, refused: refusedLines.sort((a, b) => a.line - b.line) };
    },
  };
};
