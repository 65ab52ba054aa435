/**
 * The shop's own words, which the cms stores in English: comments on an order's history
 * (payment received, payment failed, cancelled for want of payment…) and the notices it posts
 * in conversations (a new consultant takes over), in the reader's language: for the emails,
 * the storefront and the panel alike. What a person wrote is theirs: never translated.
 * No zod here: browser code may import it.
 */
import type { Locale } from './locale.ts';

const NBSP = '\u00a0';

/** Why a card payment failed, in the shop's stored English and in French. */
const PAYMENT_REASONS = {
  declined: ['your card was declined', 'votre carte a été refusée'],
  insufficientFunds: ['your card has insufficient funds', 'le solde de votre carte est insuffisant'],
  expired: ['your card has expired', 'votre carte a expiré'],
  securityCode: ["your card's security code is incorrect", 'le cryptogramme de votre carte est incorrect'],
  number: ['your card number is incorrect', 'le numéro de votre carte est incorrect'],
  processing: ['an error occurred while processing your card', 'une erreur est survenue lors du traitement de votre carte'],
  authentication: ['your card could not be authenticated', 'votre carte n’a pas pu être authentifiée'],
  refused: ['the payment was refused', 'le paiement a été refusé'],
} as const satisfies Record<string, readonly [string, string]>;
const PAYMENT_REASONS_FR: Record<string, string> = Object.fromEntries(Object.values(PAYMENT_REASONS));

/** Stripe's error and decline codes (https://docs.stripe.com/declines/codes) the shop words itself. */
const STRIPE_CODES: Record<string, keyof typeof PAYMENT_REASONS> = {
  card_declined: 'declined',
  generic_decline: 'declined',
  do_not_honor: 'declined',
  lost_card: 'declined',
  stolen_card: 'declined',
  fraudulent: 'declined',
  insufficient_funds: 'insufficientFunds',
  expired_card: 'expired',
  incorrect_cvc: 'securityCode',
  invalid_cvc: 'securityCode',
  incorrect_number: 'number',
  invalid_number: 'number',
  processing_error: 'processing',
  authentication_required: 'authentication',
  payment_intent_authentication_failure: 'authentication',
};

/**
 * The reason a payment failed, as the shop stores it in the order's history: from Stripe's
 * decline code, then its error code, when the shop knows it (so that it reads in French
 * too); else Stripe's own message, as a clause (no capital, no final full stop).
 */
export function paymentFailureReason(error: { code?: string | null; decline_code?: string | null; message?: string | null } | null | undefined): string {
  const known = STRIPE_CODES[error?.decline_code ?? ''] ?? STRIPE_CODES[error?.code ?? ''];
  if (known) return PAYMENT_REASONS[known][0];
  const message = error?.message?.trim().replace(/[.\s]+$/, '');
  return message ? message.charAt(0).toLowerCase() + message.slice(1) : PAYMENT_REASONS.refused[0];
}

const SHOP_COMMENTS_FR: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^Payment received\. Thank you!$/, () => `Paiement reçu. Merci${NBSP}!`],
  [/^Payment failed: (.*)\. Your cart has been restored\.$/s, (m) => `Le paiement a échoué${NBSP}: ${PAYMENT_REASONS_FR[m[1]!] ?? m[1]}. Votre panier a été rétabli.`],
  [/^Payment failed: (.*)\. You can accept the quote again\.$/s, (m) => `Le paiement a échoué${NBSP}: ${PAYMENT_REASONS_FR[m[1]!] ?? m[1]}. Vous pouvez de nouveau accepter le devis.`],
  [/^Order (\S+) was not placed in the end: the offer is open again\.$/, (m) => `La commande ${m[1]} n’a finalement pas abouti${NBSP}: l’offre est de nouveau ouverte.`],
  [/^Your payment has been refunded\.$/, () => 'Votre paiement a été remboursé.'],
  [/^Cancelled by the client before payment\.$/, () => 'Annulée par le client avant le paiement.'],
  [/^Nobody approved this order in time: it is cancelled and its products released\.$/, () => `Personne n’a validé cette commande à temps${NBSP}: elle est annulée et ses produits remis en stock.`],
  [/^No payment was received in time: the order is cancelled and its products released\.$/, () => `Aucun paiement n’a été reçu à temps${NBSP}: la commande est annulée et ses produits remis en stock.`],
  [/^(.+) is now your consultant and takes over this conversation\.$/s, (m) => `${m[1]} est désormais votre consultant et reprend cette conversation.`],
  [
    /^Your payment arrived after the reserved stock was released and the products are no longer available: it has been refunded\.$/,
    () => `Votre paiement est arrivé après la remise en stock des produits réservés, qui ne sont plus disponibles${NBSP}: il a été remboursé.`,
  ],
];

/** The words of the shop in `locale`; any other text (a consultant's, a message) as it is. */
export function shopComment(locale: Locale, comment: string): string {
  if (locale === 'en') return comment;
  for (const [pattern, word] of SHOP_COMMENTS_FR) {
    const match = comment.match(pattern);
    if (match) return word(match);
  }
  return comment;
}

/** The English notice posted when `name` becomes the client's consultant: one wording, stored once. */
export const consultantTakesOver = (name: string): string => `${name} is now your consultant and takes over this conversation.`;

/**
 * The English comment of a failed payment: the order's lines go back to the cart, or, for an
 * order placed from a quote, the quote can be accepted again.
 */
export const paymentFailedComment = (reason: string, fromQuote: boolean): string =>
  `Payment failed: ${reason}. ${fromQuote ? 'You can accept the quote again.' : 'Your cart has been restored.'}`;

/** The English comment in a quote's history when the order it became ended unpaid, and its offer opens again. */
export const quoteReopenedComment = (orderReference: string): string => `Order ${orderReference} was not placed in the end: the offer is open again.`;
