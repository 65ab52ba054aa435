import { parse } from 'csv-parse/sync';
import { normalizeSku, QUICK_ORDER_MAX_LINES, refusal, textRefusal, type Refusal } from '@ventalis/contracts';

/**
 * Reading a quick order: the text a buyer typed or pasted, or a CSV file, as numbered lines
 * "SKU;quantity". Pure: no cms here; the quick-order service checks each line against the
 * catalogue and the cart.
 *
 * - A file is UTF-8 (with or without its byte-order mark) or, when its bytes are not valid
 *   UTF-8, Windows-1252 — what Excel writes for "CSV (separator: semicolon)" on a French Windows.
 * - The separator is a semicolon, a tab or a comma: the first of these found on the first line
 *   that is not blank, and then the same for every line (a comma is a thousands separator in
 *   "VT-BOX-S;1,000" — such a line is refused rather than read as 1 unit).
 * - A first line such as "sku;quantity" or "Référence;Quantité" is a header and is skipped;
 *   blank lines are skipped. Lines keep their number in what was sent, as the buyer's editor
 *   or spreadsheet shows it.
 * - A quantity may group its thousands with spaces ("10 000", no-break ones too).
 */

/** A line read: what it asks for, or why it cannot be read (then `sku` is what was typed, if anything). */
export type ReadLine = { line: number; sku: string; quantity: number } | { line: number; sku: string; refusal: Refusal };

export type ReadResult = { lines: ReadLine[] } | { refusal: Refusal };

const QUANTITY_HEADER = /^(quantit(y|ies|e|es)|qty|qte|units?|unites?)$/;
/** Longest quantity read: more digits than any stock holds (and below Number's exact integers). */
const QUANTITY_DIGITS = 12;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

export const badLine = (line: number) =>
  refusal('quick_order.bad_line', `Line ${line}: write a SKU and a quantity separated by a semicolon, such as VT-BOX-S;1000`);

/**
 * The text of an uploaded file, or why it is not text: a NUL byte means a binary file (a
 * spreadsheet saved as .xlsx, a picture); bytes that are not UTF-8 are read as Windows-1252.
 */
export function decodeUpload(bytes: Uint8Array): { text: string } | { refusal: Refusal } {
  if (bytes.includes(0)) return { refusal: notText() };
  try {
    // Drops a leading byte-order mark.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes) };
  }
}

const notText = () => refusal('quick_order.not_text', 'This is not text: send lines "SKU;quantity", typed or as a CSV file (not a spreadsheet or binary file)');

/** The lines of a quick order, each read or refused; or why the whole text is refused. */
export function readQuickOrderLines(input: string): ReadResult {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // The one rule for text people send: no control characters but line breaks and tabs.
  if (textRefusal('The quick order', text, 'multi-line')) return { refusal: notText() };

  const numbered = text
    .split('\n')
    .map((content, index) => ({ line: index + 1, content }))
    .filter(({ content }) => content.trim() !== '');
  if (numbered.length === 0) return { refusal: refusal('quick_order.empty', 'Nothing to order: write one line "SKU;quantity" per product') };

  const first = numbered[0].content;
  const delimiter = [';', '\t', ','].find((candidate) => first.includes(candidate)) ?? ';';
  const cellsOf = (content: string): string[] | null => {
    try {
      const [record] = parse(content, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
      return (record ?? []).map((cell) => cell.trim());
    } catch {
      return null;
    }
  };

  const firstCells = cellsOf(first);
  const rows = firstCells && firstCells.length >= 2 && QUANTITY_HEADER.test(fold(firstCells[1])) ? numbered.slice(1) : numbered;
  if (rows.length === 0) return { refusal: refusal('quick_order.empty', 'Nothing to order: write one line "SKU;quantity" per product') };
  if (rows.length > QUICK_ORDER_MAX_LINES) {
    return {
      refusal: refusal('quick_order.too_many_lines', `A quick order takes at most ${QUICK_ORDER_MAX_LINES} lines; this one has ${rows.length}: split it`, {
        max: QUICK_ORDER_MAX_LINES,
        count: rows.length,
      }),
    };
  }

  return {
    lines: rows.map(({ line, content }): ReadLine => {
      const cells = cellsOf(content);
      while (cells && cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      const sku = normalizeSku(cells?.[0] ?? '').slice(0, 64);
      if (!cells || cells.length !== 2 || sku === '') return { line, sku, refusal: badLine(line) };
      const digits = cells[1].replace(/\s/g, '');
      if (!/^\d+$/.test(digits) || digits.length > QUANTITY_DIGITS) return { line, sku, refusal: badLine(line) };
      return { line, sku, quantity: Number(digits) };
    }),
  };
}
