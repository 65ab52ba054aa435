import { describe, expect, it } from 'vitest';
import { invoiceOverdue, invoiceTotals, remindersDue, transferSchema } from './invoice.ts';
import { vatRegimeOf } from './identity.ts';

describe('invoiceTotals', () => {
  const lines = [
    { vatRate: '20' as const, exclVatCents: 65_000, vatCents: 13_000 },
    { vatRate: '5.5' as const, exclVatCents: 30_863, vatCents: 1_697 },
    { vatRate: '20' as const, exclVatCents: 9_995, vatCents: 1_999 },
  ];

  it('sums the lines per rate, highest rate first, as the order did (VAT per line)', () => {
    expect(invoiceTotals(lines, 'domestic')).toEqual({
      exclVatCents: 105_858,
      vatCents: 16_696,
      inclVatCents: 122_554,
      vatBreakdown: [
        { rate: '20', basisCents: 74_995, vatCents: 14_999 },
        { rate: '5.5', basisCents: 30_863, vatCents: 1_697 },
      ],
      prepaidCents: 0,
      dueCents: 122_554,
    });
  });

  it('charges no VAT on an intra-Community supply, and nothing is due once paid by card', () => {
    expect(invoiceTotals(lines, 'intra_community', 105_858)).toMatchObject({ vatCents: 0, inclVatCents: 105_858, vatBreakdown: [{ rate: '0', basisCents: 105_858, vatCents: 0 }], dueCents: 0 });
  });
});

describe('vatRegimeOf', () => {
  it('exempts a company of another member state with a VAT number of that state only', () => {
    expect(vatRegimeOf({ country: 'DE', vatNumber: 'DE136695976' })).toBe('intra_community');
    expect(vatRegimeOf({ country: 'gr', vatNumber: 'el 123456789' })).toBe('intra_community');
    expect(vatRegimeOf({ country: 'FR', vatNumber: 'FR40303265045' })).toBe('domestic');
    expect(vatRegimeOf({ country: 'DE', vatNumber: '' })).toBe('domestic');
    expect(vatRegimeOf({ country: 'DE', vatNumber: 'BE0123456789' })).toBe('domestic');
    expect(vatRegimeOf({ country: 'CH', vatNumber: 'CHE123456789' })).toBe('domestic');
    expect(vatRegimeOf({ country: null, vatNumber: null })).toBe('domestic');
  });
});

describe('reminders and overdue', () => {
  it('are due at +1, +15 and +30 days after the due date', () => {
    expect(['2026-01-31', '2026-02-01', '2026-02-14', '2026-02-15', '2026-03-01', '2026-03-02', '2027-01-01'].map((today) => remindersDue('2026-01-31', today))).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });

  it('an invoice is overdue only with something left to pay after its due date', () => {
    expect(invoiceOverdue({ balanceCents: 1, dueDate: '2026-01-31' }, '2026-02-01')).toBe(true);
    expect(invoiceOverdue({ balanceCents: 1, dueDate: '2026-01-31' }, '2026-01-31')).toBe(false);
    expect(invoiceOverdue({ balanceCents: 0, dueDate: '2026-01-31' }, '2026-06-01')).toBe(false);
  });
});

describe('transferSchema', () => {
  it('takes a positive amount in cents, a real date and a bank reference', () => {
    expect(transferSchema.parse({ amountCents: 125_000, receivedOn: '2026-12-04', bankReference: ' VIR 0412 ' })).toEqual({ amountCents: 125_000, receivedOn: '2026-12-04', bankReference: 'VIR 0412' });
    for (const bad of [{ amountCents: 0 }, { amountCents: -1 }, { amountCents: 1.5 }, { receivedOn: '2026-02-30' }, { bankReference: '' }, { extra: true }]) {
      expect(transferSchema.safeParse({ amountCents: 100, receivedOn: '2026-12-04', bankReference: 'VIR', ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
