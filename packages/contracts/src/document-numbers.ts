/**
 * The numbers of the documents Ventalis issues: one continuous sequence per series and
 * calendar year, written with the series' letter, the year and six digits
 * (`F-2026-000123` an invoice, `A-2026-000004` a credit note, `D-2026-000017` a quote).
 */
export const DOCUMENT_SERIES = ['invoice', 'credit_note', 'quote'] as const;
export type DocumentSeries = (typeof DOCUMENT_SERIES)[number];

const LETTER: Record<DocumentSeries, string> = { invoice: 'F', credit_note: 'A', quote: 'D' };

export function formatDocumentNumber(series: DocumentSeries, year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`A document number is a whole number from 1, not ${sequence}`);
  return `${LETTER[series]}-${year}-${String(sequence).padStart(6, '0')}`;
}
