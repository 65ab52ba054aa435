import { describe, expect, test } from 'vitest';
import { shopComment } from './shop-comments.ts';

describe('shopComment', () => {
  test('words the shop comments in French, with the reason of a failed payment', () => {
    expect(shopComment('fr', 'Payment received. Thank you!')).toBe('Paiement reçu. Merci\u00a0!');
    expect(shopComment('fr', 'Payment failed: your card was declined. Your cart has been restored.')).toBe('Le paiement a échoué\u00a0: votre carte a été refusée. Votre panier a été rétabli.');
  });

  test('leaves English as it is, and a consultant comment untouched in either language', () => {
    expect(shopComment('en', 'Payment received. Thank you!')).toBe('Payment received. Thank you!');
    expect(shopComment('fr', 'Vos cartons partent jeudi.')).toBe('Vos cartons partent jeudi.');
  });
});
