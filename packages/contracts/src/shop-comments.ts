/**
 * The shop's own comments on an order's history (payment received, payment failed, cancelled
 * for want of payment…), which the cms' lifecycle stores in English, in the reader's language:
 * for the order emails and the storefront's order pages alike. A consultant's comment is
 * theirs: never translated. No zod here: browser code may import it.
 */
import type { Locale } from './locale.ts';

const NBSP = '\u00a0';

const PAYMENT_REASONS_FR: Record<string, string> = {
  'your card was declined': 'votre carte a été refusée',
  'your card has insufficient funds': 'le solde de votre carte est insuffisant',
};

const SHOP_COMMENTS_FR: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^Payment received\. Thank you!$/, () => `Paiement reçu. Merci${NBSP}!`],
  [/^Payment failed: (.*)\. Your cart has been restored\.$/s, (m) => `Le paiement a échoué${NBSP}: ${PAYMENT_REASONS_FR[m[1]!] ?? m[1]}. Votre panier a été rétabli.`],
  [/^Your payment has been refunded\.$/, () => 'Votre paiement a été remboursé.'],
  [/^Cancelled by the client before payment\.$/, () => 'Annulée par le client avant le paiement.'],
  [/^No payment was received in time: the order is cancelled and its products released\.$/, () => `Aucun paiement n’a été reçu à temps${NBSP}: la commande est annulée et ses produits remis en stock.`],
  [
    /^Your payment arrived after the reserved stock was released and the products are no longer available: it has been refunded\.$/,
    () => `Votre paiement est arrivé après la remise en stock des produits réservés, qui ne sont plus disponibles${NBSP}: il a été remboursé.`,
  ],
];

/** A comment of the shop in `locale`; any other text (a consultant's) as it is. */
export function shopComment(locale: Locale, comment: string): string {
  if (locale === 'en') return comment;
  for (const [pattern, word] of SHOP_COMMENTS_FR) {
    const match = comment.match(pattern);
    if (match) return word(match);
  }
  return comment;
}
