import { z } from 'zod';
import { codedErrorSchema } from './answers.ts';
import { cartSchema } from './orders.ts';

// ---------------------------------------------------------------- SKUs
/**
 * A product's SKU (stock-keeping unit), the reference buyers type in a quick order:
 * 3 to 32 capital letters, digits and dashes, starting and ending with a letter or digit
 * (`VT-BOX-S`). The same on every language's version of a product.
 */
export const SKU_PATTERN = /^[A-Z0-9](?:[A-Z0-9-]{1,30})[A-Z0-9]$/;
export const SKU_MAX_LENGTH = 32;

/** What a person typed, as the SKU it stands for: "vt-box-s " is `VT-BOX-S`. */
export function normalizeSku(value: string): string {
  return value.trim().toUpperCase();
}

export function isSku(value: string): boolean {
  return SKU_PATTERN.test(value);
}

// ---------------------------------------------------------------- quick order
/** Lines a quick order takes at most, whether typed or in a file (a header and blank lines aside). */
export const QUICK_ORDER_MAX_LINES = 500;
/** The largest CSV file a quick order reads, in bytes (ample for 500 lines). */
export const QUICK_ORDER_MAX_FILE_BYTES = 1024 * 1024;
/** The longest typed text a quick order reads, in characters: the same bound as a file. */
export const QUICK_ORDER_MAX_TEXT_LENGTH = QUICK_ORDER_MAX_FILE_BYTES;

/**
 * `POST /api/cart/quick-order`: `{ lines }`, the text typed or pasted ("SKU;quantity" per
 * line), as JSON or as a field of a multipart form whose `file` is a CSV file instead.
 */
export const quickOrderRequestSchema = z.strictObject({
  lines: z.string({ error: 'lines must be text' }).max(QUICK_ORDER_MAX_TEXT_LENGTH, `lines must be at most ${QUICK_ORDER_MAX_TEXT_LENGTH} characters`).optional(),
});
export type QuickOrderRequest = z.infer<typeof quickOrderRequestSchema>;

/** A line put in the cart: its number in what was sent (from 1, header and blank lines counted). */
export const quickOrderAddedSchema = z.strictObject({ line: z.number().int(), sku: z.string(), quantity: z.number().int() });
export type QuickOrderAdded = z.infer<typeof quickOrderAddedSchema>;

/** A line left out, with why as a code (to word it) and as the cms' English sentence. */
export const quickOrderRefusedSchema = z.strictObject({ line: z.number().int(), sku: z.string(), code: codedErrorSchema, reason: z.string() });
export type QuickOrderRefused = z.infer<typeof quickOrderRefusedSchema>;

/** The answer: the cart after the valid lines went in, and each line's fate. */
export const quickOrderResultSchema = z.strictObject({ cart: cartSchema, added: z.array(quickOrderAddedSchema), refused: z.array(quickOrderRefusedSchema) });
export type QuickOrderResult = z.infer<typeof quickOrderResultSchema>;
