import { describe, expect, test } from 'vitest';
import { consultantTakesOver, paymentFailedComment, paymentFailureReason, quoteReopenedComment, shopComment } from './shop-comments.ts';

describe('shopComment', () => {
  test('words the shop comments in French, with the reason of a failed payment', () => {
    expect(shopComment('fr', 'Payment received. Thank you!')).toBe('Paiement reçu. Merci\u00a0!');
    expect(shopComment('fr', 'Payment failed: your card was declined. Your cart has been restored.')).toBe('Le paiement a échoué\u00a0: votre carte a été refusée. Votre panier a été rétabli.');
  });

  test('an order from a quote whose payment failed: the quote opens again, and its history says so, in French too', () => {
    const failed = paymentFailedComment('your card was declined', true);
    expect(failed).toBe('Payment failed: your card was declined. You can accept the quote again.');
    expect(shopComment('fr', failed)).toBe('Le paiement a échoué\u00a0: votre carte a été refusée. Vous pouvez de nouveau accepter le devis.');
    expect(paymentFailedComment('your card was declined', false)).toBe('Payment failed: your card was declined. Your cart has been restored.');
    const reopened = quoteReopenedComment('VT-261205-ABC234');
    expect(shopComment('fr', reopened)).toBe('La commande VT-261205-ABC234 n’a finalement pas abouti\u00a0: l’offre est de nouveau ouverte.');
    expect(shopComment('en', reopened)).toBe(reopened);
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
    const comment = paymentFailedComment(reason, false);
    expect(shopComment('fr', comment)).toBe(`Le paiement a échoué\u00a0: ${french}. Votre panier a été rétabli.`);
  });

  test('a reason Stripe gives without a known code is kept as its clause, never with a doubled full stop', () => {
    expect(paymentFailureReason({ code: 'something_new', message: 'Your bank asks you to call it.' })).toBe('your bank asks you to call it');
  });
});
