import { describe, expect, test } from 'vitest';
import { consultantTakesOver, paymentFailureReason, shopComment } from './shop-comments.ts';

describe('shopComment', () => {
  test('words the shop comments in French, with the reason of a failed payment', () => {
    expect(shopComment('fr', 'Payment received. Thank you!')).toBe('Paiement reçu. Merci\u00a0!');
    expect(shopComment('fr', 'Payment failed: your card was declined. Your cart has been restored.')).toBe('Le paiement a échoué\u00a0: votre carte a été refusée. Votre panier a été rétabli.');
  });

  test('leaves English as it is, and a consultant comment untouched in either language', () => {
    expect(shopComment('en', 'Payment received. Thank you!')).toBe('Payment received. Thank you!');
    expect(shopComment('fr', 'Vos cartons partent jeudi.')).toBe('Vos cartons partent jeudi.');
  });

  test('the notice of a new consultant, stored in English, reads in French with the name as it is', () => {
    const stored = consultantTakesOver('Inès Benali');
    expect(stored).toBe('Inès Benali is now your consultant and takes over this conversation.');
    expect(shopComment('fr', stored)).toBe('Inès Benali est désormais votre consultant et reprend cette conversation.');
    expect(shopComment('en', stored)).toBe(stored);
  });

  test.each([
    [{ code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' }, 'your card was declined', 'votre carte a été refusée'],
    [{ code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' }, 'your card has insufficient funds', 'le solde de votre carte est insuffisant'],
    [{ code: 'card_declined', decline_code: 'do_not_honor', message: 'Your card was declined.' }, 'your card was declined', 'votre carte a été refusée'],
    [{ code: 'expired_card', message: 'Your card has expired.' }, 'your card has expired', 'votre carte a expiré'],
    [{ code: 'incorrect_cvc', message: "Your card's security code is incorrect." }, "your card's security code is incorrect", 'le cryptogramme de votre carte est incorrect'],
    [{ code: 'processing_error', message: 'An error occurred while processing your card. Try again in a little bit.' }, 'an error occurred while processing your card', 'une erreur est survenue lors du traitement de votre carte'],
    [{ code: 'payment_intent_authentication_failure' }, 'your card could not be authenticated', 'votre carte n’a pas pu être authentifiée'],
    [null, 'the payment was refused', 'le paiement a été refusé'],
  ])("Stripe's %o is stored as \"%s\" and reads in French", (error, english, french) => {
    const reason = paymentFailureReason(error);
    expect(reason).toBe(english);
    const comment = `Payment failed: ${reason}. Your cart has been restored.`;
    expect(shopComment('fr', comment)).toBe(`Le paiement a échoué\u00a0: ${french}. Votre panier a été rétabli.`);
  });

  test('a reason Stripe gives without a known code is kept as its clause, never with a doubled full stop', () => {
    expect(paymentFailureReason({ code: 'something_new', message: 'Your bank asks you to call it.' })).toBe('your bank asks you to call it');
  });
});
