import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from './support/strapi';

/**
 * Invoice, credit-note and quote numbers: one continuous sequence per series and calendar
 * year, no gap and no duplicate, even when many are issued at once or an issue fails.
 */
let app: TestApp;
type Numbered = { sequence: number; number: string };
const numbers = () => app.strapi.service('api::document.numbers') as { next: (series: string, year: number) => Promise<Numbered>; take: (series: string, year: number, count: number) => Promise<Numbered[]> };

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('document numbers', () => {
  test('follow on within a series and a year; each series and each year starts at 1', async () => {
    expect(await numbers().next('invoice', 2026)).toEqual({ sequence: 1, number: 'F-2026-000001' });
    expect(await numbers().next('invoice', 2026)).toEqual({ sequence: 2, number: 'F-2026-000002' });
    expect(await numbers().next('credit_note', 2026)).toEqual({ sequence: 1, number: 'A-2026-000001' });
    expect(await numbers().next('quote', 2026)).toEqual({ sequence: 1, number: 'D-2026-000001' });
    expect(await numbers().next('invoice', 2027)).toEqual({ sequence: 1, number: 'F-2027-000001' });
    expect(await numbers().next('invoice', 2026)).toEqual({ sequence: 3, number: 'F-2026-000003' });
  });

  test('several taken together (a batch of invoices) follow on, and the next one after them', async () => {
    expect((await numbers().take('invoice', 2029, 3)).map((n) => n.number)).toEqual(['F-2029-000001', 'F-2029-000002', 'F-2029-000003']);
    expect((await numbers().take('invoice', 2029, 2)).map((n) => n.sequence)).toEqual([4, 5]);
    expect(await numbers().next('invoice', 2029)).toEqual({ sequence: 6, number: 'F-2029-000006' });
  });

  test('issued at once, each in its own transaction, they are exactly the next ones: no gap, no duplicate', async () => {
    const issued = await Promise.all(Array.from({ length: 20 }, () => app.strapi.db.transaction(async () => (await numbers().next('invoice', 2030)).sequence)));
    expect([...issued].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  test('an issue that fails gives its number back with everything else it wrote', async () => {
    expect((await numbers().next('credit_note', 2031)).sequence).toBe(1);
    await expect(
      app.strapi.db.transaction(async () => {
        expect((await numbers().next('credit_note', 2031)).sequence).toBe(2);
        throw new Error('the PDF could not be stored');
      }),
    ).rejects.toThrow('the PDF could not be stored');
    expect((await numbers().next('credit_note', 2031)).sequence).toBe(2);
    const rows = await app.strapi.db.query('api::document.number-sequence').findMany({ where: { series: 'credit_note', year: 2031 } });
    expect(rows).toHaveLength(1);
  });
});
