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

  return {
    /** The next number of a series in a year, and how it is written (`F-2026-000123`). */
    async next(series: DocumentSeries, year: number): Promise<{ sequence: number; number: string }> {
      table ??= tableNames(strapi).table(SEQUENCE);
      const now = new Date();
      const rows = await inCallersTransaction(strapi, (db) =>
        db(table!)
          .insert({ document_id: createId(), series, year, last_number: 1, created_at: now, updated_at: now, published_at: now })
          .onConflict(['series', 'year'])
          .merge({ last_number: db.raw('?? + 1', [`${table}.last_number`]), updated_at: now })
          .returning('last_number'),
      );
      const row = (rows as { last_number: number | string }[])[0]!;
      const sequence = Number(row.last_number);
      return { sequence, number: formatDocumentNumber(series, year, sequence) };
    },
  };
};
