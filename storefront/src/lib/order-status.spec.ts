import { ORDER_STATUSES } from '@ventalis/contracts/order-status';
import { describe, expect, it } from 'vitest';
import { statusName } from './order-status.ts';
import { inLocale } from './testing/locale.ts';

describe('statusName', () => {
  it('names every status in French and in English, each differently', () => {
    for (const locale of ['fr', 'en'] as const) {
      const names = inLocale(locale, () => ORDER_STATUSES.map(statusName));
      expect(new Set(names).size).toBe(ORDER_STATUSES.length);
    }
    expect(inLocale('fr', () => statusName('awaiting_payment'))).toBe('En attente de paiement');
    expect(inLocale('en', () => statusName('awaiting_payment'))).toBe('Awaiting payment');
    expect(inLocale('fr', () => statusName('delivered'))).toBe('Livrée');
  });
});
