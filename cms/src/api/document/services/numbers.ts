import type { Core } from '@strapi/strapi';
import { createId } from '@paralleldrive/cuid2';
import { formatDocumentNumber, type DocumentSeries } from '@ventalis/contracts';
import { inCallersTransaction, tableNames } from '../../../utils/tables';

const SEQUENCE = 'api::document.number-sequence';

/**
 * Document numbers: one continuous sequence per series and calendar year, with no gap and no
 * duplicate, even with several cms processes issuing at once. A number is taken inside the
 * transaction that issues the document, by one statement that adds to the year's counter (or
 * starts it): the counter's row stays locked until that transaction ends, so a concurrent
 * issuer waits for it, and a transaction that fails gives its number back with everything else.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let table: string | undefined;

  const service = {
    /** The next number of a series in a year, and how it is written (`F-2026-000123`). */
    async next(series: DocumentSeries, year: number): Promise<{ sequence: number; number: string }> {
      return (await service.take(series, year, 1))[0]!;
    },

    /** The next `count` numbers of a series in a year, in order, with one statement. */
    async take(series: DocumentSeries, year: number, count: number): Promise<{ sequence: number; number: string }[]> {
      table ??= tableNames(strapi).table(SEQUENCE);
      const now = new Date();
      const rows = await inCallersTransaction(strapi, (db) =>
        db(table!)
          .insert({ document_id: createId(), series, year, last_number: count, created_at: now, updated_at: now, published_at: now })
          .onConflict(['series', 'year'])
          .merge({ last_number: db.raw('?? + ?', [`${table}.last_number`, count]), updated_at: now })
          .returning('last_number'),
      );
      const last = Number((rows as { last_number: number | string }[])[0]!.last_number);
      return Array.from({ length: count }, (_, i) => {
        const sequence = last - count + 1 + i;
        return { sequence, number: formatDocumentNumber(series, year, sequence) };
      });
    },
  };
  return service;
};
