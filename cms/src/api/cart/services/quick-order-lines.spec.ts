import { describe, expect, test } from 'vitest';
import { decodeUpload, readQuickOrderLines } from './quick-order-lines';

const linesOf = (text: string) => {
  const result = readQuickOrderLines(text);
  if ('refusal' in result) throw new Error(`refused: ${result.refusal.code}`);
  return result.lines;
};
const refusalOf = (text: string) => {
  const result = readQuickOrderLines(text);
  if (!('refusal' in result)) throw new Error('accepted');
  return result.refusal;
};

describe('reading the lines of a quick order', () => {
  test('reads "SKU;quantity" lines with their numbers, SKUs in capitals, blank lines skipped but counted', () => {
    expect(linesOf('VT-BOX-S;1000\n\n  vt-box-m ; 2 000 \r\nVT-TAPE;\u00a010\u202f500')).toEqual([
      { line: 1, sku: 'VT-BOX-S', quantity: 1000 },
      { line: 3, sku: 'VT-BOX-M', quantity: 2000 },
      { line: 4, sku: 'VT-TAPE', quantity: 10_500 },
    ]);
  });

  test('takes a comma or a tab as separator, and quoted cells', () => {
    expect(linesOf('VT-BOX-S,1000\n"VT-BOX-M","1500"')).toEqual([
      { line: 1, sku: 'VT-BOX-S', quantity: 1000 },
      { line: 2, sku: 'VT-BOX-M', quantity: 1500 },
    ]);
    expect(linesOf('VT-BOX-S\t1000')).toEqual([{ line: 1, sku: 'VT-BOX-S', quantity: 1000 }]);
  });

  test('skips a header line in French or English, and a trailing empty column', () => {
    expect(linesOf('Référence;Quantité;\nVT-BOX-S;1000;')).toEqual([{ line: 2, sku: 'VT-BOX-S', quantity: 1000 }]);
    expect(linesOf('sku,quantity\nVT-BOX-S,1000')).toEqual([{ line: 2, sku: 'VT-BOX-S', quantity: 1000 }]);
  });

  test('refuses, line by line, what is not a SKU and a whole quantity', () => {
    const lines = linesOf('VT-BOX-S;1000\nVT-BOX-M\nVT-BOX-L;1,5\nVT-BOX-S;1000;extra\n;1000\nVT-X;"1000\nVT-Y;-5');
    expect(lines[0]).toEqual({ line: 1, sku: 'VT-BOX-S', quantity: 1000 });
    expect(lines.slice(1).map((l) => [l.line, 'refusal' in l ? l.refusal.code : null])).toEqual([
      [2, 'quick_order.bad_line'],
      [3, 'quick_order.bad_line'],
      [4, 'quick_order.bad_line'],
      [5, 'quick_order.bad_line'],
      [6, 'quick_order.bad_line'],
      [7, 'quick_order.bad_line'],
    ]);
  });

  test('refuses the whole text when it is empty, too long, or not text', () => {
    expect(refusalOf(' \n\n')).toMatchObject({ code: 'quick_order.empty' });
    expect(refusalOf('sku;quantity\n')).toMatchObject({ code: 'quick_order.empty' });
    expect(refusalOf('VT-BOX-S;1000\u0000')).toMatchObject({ code: 'quick_order.not_text' });
    expect(linesOf(Array.from({ length: 500 }, () => 'VT-BOX-S;1000').join('\n'))).toHaveLength(500);
    expect(linesOf(`sku;quantity\n${Array.from({ length: 500 }, () => 'VT-BOX-S;1000').join('\n')}`)).toHaveLength(500);
    expect(refusalOf(Array.from({ length: 501 }, () => 'VT-BOX-S;1000').join('\n'))).toEqual({
      code: 'quick_order.too_many_lines',
      params: { max: 500, count: 501 },
      message: expect.stringContaining('at most 500'),
    });
  });
});

describe('decoding a file', () => {
  const text = (bytes: Uint8Array) => {
    const decoded = decodeUpload(bytes);
    if ('refusal' in decoded) throw new Error('refused');
    return decoded.text;
  };

  test('reads UTF-8 with or without its byte-order mark', () => {
    expect(text(new TextEncoder().encode('Référence;Quantité'))).toBe('Référence;Quantité');
    expect(text(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('VT-BOX-S;1000')]))).toBe('VT-BOX-S;1000');
  });

  test('reads Windows-1252 when the bytes are not UTF-8', () => {
    // "Référence;Quantité" as Excel saves it on a French Windows.
    const bytes = new Uint8Array([0x52, 0xe9, 0x66, 0xe9, 0x72, 0x65, 0x6e, 0x63, 0x65, 0x3b, 0x51, 0x75, 0x61, 0x6e, 0x74, 0x69, 0x74, 0xe9]);
    expect(text(bytes)).toBe('Référence;Quantité');
  });

  test('refuses a binary file', () => {
    expect(decodeUpload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toMatchObject({ refusal: { code: 'quick_order.not_text' } });
  });
});
