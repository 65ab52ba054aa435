import type { InvoiceSeller, InvoiceSnapshot, PaymentTerms } from '@ventalis/contracts';
import { formatDate, formatDecimal, formatEuros, formatInteger, formatPercent } from '@ventalis/contracts/format';

/**
 * Every word an invoice or credit note prints, and the French mentions its Factur-X XML
 * carries. A document is always in French (French law); a buyer who reads English also gets
 * the English of each heading and label, printed below the French. Values (amounts, dates,
 * rates) are formatted the French way by the caller and read the same in both lines.
 * French puts a no-break space before « : ».
 */
export interface Bilingual {
  fr: string;
  en: string;
}

const NBSP = '\u00a0';

export const TEXTS = {
  invoice: { fr: 'Facture', en: 'Invoice' },
  creditNote: { fr: 'Avoir', en: 'Credit note' },
  number: { fr: 'Numéro', en: 'Number' },
  issueDate: { fr: 'Date d’émission', en: 'Issue date' },
  saleDate: { fr: 'Date de la vente', en: 'Date of sale' },
  reason: { fr: 'Motif', en: 'Reason' },

  seller: { fr: 'Vendeur', en: 'Seller' },
  buyer: { fr: 'Client (adresse de facturation)', en: 'Customer (billing address)' },
  deliveryAddress: { fr: 'Adresse de livraison', en: 'Delivery address' },
  siren: { fr: 'SIREN', en: 'SIREN' },
  siret: { fr: 'SIRET', en: 'SIRET' },
  vatNumber: { fr: 'N° TVA intracommunautaire', en: 'EU VAT number' },
  purchaseOrder: { fr: 'N° de bon de commande', en: 'Purchase order no.' },
  orderReference: { fr: 'Référence de la commande', en: 'Order reference' },
  nature: { fr: 'Nature de l’opération', en: 'Nature of the transaction' },
  supplyOfGoods: { fr: 'Livraison de biens', en: 'Supply of goods' },

  description: { fr: 'Désignation', en: 'Description' },
  quantity: { fr: 'Quantité', en: 'Quantity' },
  listPrice: { fr: 'Prix catalogue HT / 1 000', en: 'List price excl. VAT / 1,000' },
  discount: { fr: 'Remise', en: 'Discount' },
  unitPrice: { fr: 'Prix unitaire HT / 1 000', en: 'Unit price excl. VAT / 1,000' },
  vatRate: { fr: 'TVA', en: 'VAT' },
  lineTotal: { fr: 'Total HT', en: 'Total excl. VAT' },

  vatBreakdown: { fr: 'Détail de la TVA', en: 'VAT breakdown' },
  rate: { fr: 'Taux', en: 'Rate' },
  taxableAmount: { fr: 'Base HT', en: 'Taxable amount' },
  vatAmount: { fr: 'Montant TVA', en: 'VAT amount' },
  totalExclVat: { fr: 'Total HT', en: 'Total excl. VAT' },
  totalVat: { fr: 'Total TVA', en: 'Total VAT' },
  totalInclVat: { fr: 'Total TTC', en: 'Total incl. VAT' },
  alreadyPaid: { fr: 'Déjà payé', en: 'Already paid' },
  amountDue: { fr: 'Net à payer', en: 'Amount due' },
  amountCredited: { fr: 'Net en votre faveur', en: 'Amount in your favour' },

  payment: { fr: 'Paiement', en: 'Payment' },
  dueDate: { fr: 'Date d’échéance', en: 'Due date' },
  paymentTerms: { fr: 'Conditions de paiement', en: 'Payment terms' },
  bankTransfer: { fr: 'Par virement bancaire', en: 'By bank transfer' },
  iban: { fr: 'IBAN', en: 'IBAN' },
  bic: { fr: 'BIC', en: 'BIC' },
  paymentReference: { fr: 'Référence à indiquer', en: 'Reference to quote' },
  legalMentions: { fr: 'Mentions légales', en: 'Legal notices' },
  recoveryIndemnity: {
    fr: `Indemnité forfaitaire pour frais de recouvrement${NBSP}: 40${NBSP}€ (art. L441-10 du Code de commerce)`,
    en: 'Fixed compensation for recovery costs: €40 (art. L441-10 of the French Commercial Code)',
  },
  noEarlyPaymentDiscount: { fr: 'Pas d’escompte pour paiement anticipé', en: 'No discount for early payment' },
  quote: { fr: 'Devis', en: 'Quote' },
  quoteDate: { fr: 'Date du devis', en: 'Date of the quote' },
  validUntil: { fr: 'Valable jusqu’au', en: 'Valid until' },
  consultantComment: { fr: 'Message de votre consultant', en: 'From your consultant' },
  quoteTerms: { fr: 'Conditions de l’offre', en: 'Terms of the offer' },
  quoteAcceptance: {
    fr: 'Ce devis s’accepte en ligne sur Ventalis jusqu’à sa date de validité incluse. La commande est alors passée aux prix et quantités ci-dessus, sous réserve du stock disponible ce jour-là, et se paie selon les conditions de paiement de votre entreprise.',
    en: 'This quote is accepted online on Ventalis until its last day of validity. The order is then placed at the prices and quantities above, subject to the stock available that day, and paid under your company’s payment terms.',
  },
  freeQuote: { fr: 'Devis gratuit', en: 'Free of charge' },
  intraCommunityExemption: {
    fr: 'Exonération de TVA, article 262 ter I du CGI — livraison intracommunautaire (article 138 de la directive 2006/112/CE)',
    en: 'VAT exemption, article 262 ter I of the French Tax Code — intra-Community supply (article 138 of Directive 2006/112/EC)',
  },
} as const satisfies Record<string, Bilingual>;

/** The exemption reason the XML gives for an intra-Community supply (BT-120). */
export const CII_EXEMPTION_REASON = 'Exonération de TVA, article 262 ter I du CGI / article 138 de la directive 2006/112/CE';

/** The company's terms for paying on invoice. */
export const PAYMENT_TERMS_TEXTS: Record<Exclude<PaymentTerms, 'card'>, Bilingual> = {
  transfer_30_days: { fr: '30 jours à compter de la date de facture', en: '30 days from the invoice date' },
  transfer_45_days_end_of_month: { fr: '45 jours fin de mois', en: '45 days end of month' },
  transfer_60_days: { fr: '60 jours à compter de la date de facture', en: '60 days from the invoice date' },
};

/** "SAS au capital de 50 000 €". */
export const shareCapital = (legalForm: string, capital: string): Bilingual => ({
  fr: `${legalForm} au capital de ${capital}`,
  en: `${legalForm} with a share capital of ${capital}`,
});

/** The head of the pages after the first. */
export const continued = (title: Bilingual, number: string, date: string): Bilingual => ({
  fr: `${title.fr} ${number} du ${date} (suite)`,
  en: `${title.en} ${number} of ${date} (continued)`,
});

export const correctsInvoice = (number: string, date: string): Bilingual => ({
  fr: `Avoir sur la facture ${number} du ${date}`,
  en: `Credit note for invoice ${number} of ${date}`,
});

/** A credit note is set against the invoice it corrects rather than paid like one. */
export const creditSettlement = (number: string): Bilingual => ({
  fr: `À imputer sur la facture ${number}, ou remboursé`,
  en: `To be set against invoice ${number}, or refunded`,
});

export const paidByCard = (date: string): Bilingual => ({
  fr: `Payée par carte bancaire le ${date} — facture acquittée`,
  en: `Paid by card on ${date} — invoice settled`,
});

export const transferTerms = (terms: Bilingual): Bilingual => ({
  fr: `Virement à ${terms.fr}`,
  en: `Bank transfer, ${terms.en}`,
});

export const latePenalty = (ratePerYear: string): Bilingual => ({
  fr: `Pénalités de retard${NBSP}: ${ratePerYear} par an, exigibles dès le lendemain de l’échéance`,
  en: `Late-payment penalties: ${ratePerYear} a year, due from the day after the due date`,
});

/** The seller as registered: "Ventalis SAS, SAS au capital de 50 000 €, RCS Paris 732829320". */
export const registration = (seller: InvoiceSeller): string => `${seller.legalName}, ${shareCapital(seller.legalForm, capital(seller.shareCapitalEuros)).fr}, RCS ${seller.rcsCity} ${seller.siren}`;

/** The payment sentence of a document: how it was or is to be paid, or how a credit note is settled. */
export function settlementOf(snapshot: InvoiceSnapshot): Bilingual {
  const { payment } = snapshot;
  if (snapshot.kind === 'credit_note' && snapshot.corrects) return creditSettlement(snapshot.corrects.number);
  // Paid at checkout: the order's day is the payment's.
  if (payment.method === 'card') return paidByCard(day(snapshot.saleDate));
  return payment.terms && payment.terms !== 'card' ? transferTerms(PAYMENT_TERMS_TEXTS[payment.terms]) : TEXTS.bankTransfer;
}

export const pageOf = (page: number, pages: number): string => `Page ${page} / ${pages}`;

// Values, written the French way on both lines.
/** "2026-12-04" → "4 déc. 2026" (noon UTC, so that no time zone moves the day). */
export const day = (isoDay: string): string => formatDate(`${isoDay}T12:00:00Z`, 'fr');
export const euros = (cents: number): string => formatEuros(cents, 'fr');
export const units = (quantity: number): string => formatInteger(quantity, 'fr');
export const percent = (rate: string | number): string => formatPercent(rate, 'fr');
/** 1215 basis points → "12,15 %". */
export const yearlyRate = (basisPoints: number): string => `${formatDecimal(basisPoints / 100, 2, 'fr')}${NBSP}%`;
/** Share capital in euros: "50 000 €", with cents only when there are some. */
export const capital = (amountEuros: number): string => (Number.isInteger(amountEuros) ? `${formatInteger(amountEuros, 'fr')}${NBSP}€` : euros(Math.round(amountEuros * 100)));
