import { create } from 'xmlbuilder2';
import type { Address, InvoiceLine, InvoiceSnapshot, VatBreakdown } from '@ventalis/contracts';
import { CII_EXEMPTION_REASON, TEXTS, correctsInvoice, day, latePenalty, registration, settlementOf, yearlyRate } from './texts';

/**
 * The EN 16931 Cross Industry Invoice (Factur-X profile "EN 16931") of an issued invoice or
 * credit note. Every amount is the snapshot's own, written as it is: nothing is recomputed
 * here, so the XML and the PDF always say the same. Elements follow the CII D16B schema's
 * order (xs:sequence): see docs/factur-x.md §2.
 */

type Element = ReturnType<typeof create>;

const NAMESPACES = {
  'xmlns:rsm': 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  'xmlns:ram': 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  'xmlns:qdt': 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  'xmlns:udt': 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};
const EN16931 = 'urn:cen.eu:en16931:2017';
const TYPE_CODES = { invoice: '380', credit_note: '381' } as const;
/** UNTDID 4461: SEPA credit transfer, bank card. */
const PAYMENT_MEANS = { transfer: '58', card: '48' } as const;
/** Prices are per 1,000 units (C62 = one unit). */
const PRICE_BASIS = '1000';
const UNIT = 'C62';
/** ISO 6523 schemes: SIREN, SIRET. */
const SIREN_SCHEME = '0002';
const SIRET_SCHEME = '0009';

export function buildCii(snapshot: InvoiceSnapshot): string {
  // French law requires it; the EN 16931 rules do not check it.
  if (snapshot.kind === 'credit_note' && !snapshot.corrects) throw new Error(`Credit note ${snapshot.number} names no invoice it corrects`);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NAMESPACES['xmlns:rsm'], 'rsm:CrossIndustryInvoice', NAMESPACES);
  root.ele('rsm:ExchangedDocumentContext').ele('ram:GuidelineSpecifiedDocumentContextParameter').ele('ram:ID').txt(EN16931);
  exchangedDocument(root.ele('rsm:ExchangedDocument'), snapshot);
  const transaction = root.ele('rsm:SupplyChainTradeTransaction');
  for (const line of snapshot.lines) lineItem(transaction.ele('ram:IncludedSupplyChainTradeLineItem'), line, snapshot);
  headerAgreement(transaction.ele('ram:ApplicableHeaderTradeAgreement'), snapshot);
  headerDelivery(transaction.ele('ram:ApplicableHeaderTradeDelivery'), snapshot);
  headerSettlement(transaction.ele('ram:ApplicableHeaderTradeSettlement'), snapshot);
  return root.end({ prettyPrint: true });
}

/** Integer cents → "1234.56": two decimals (BR-DEC-*), without floating point on the way. */
function amount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amounts are whole cents, got ${cents}`);
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "2026-12-04" → "20261204" (format 102). */
const compactDay = (isoDay: string) => isoDay.replaceAll('-', '');

function dateTime(parent: Element, name: string, isoDay: string, type: 'udt' | 'qdt' = 'udt') {
  parent.ele(name).ele(`${type}:DateTimeString`, { format: '102' }).txt(compactDay(isoDay));
}

function note(document: Element, content: string, subjectCode: string) {
  const included = document.ele('ram:IncludedNote');
  included.ele('ram:Content').txt(content);
  included.ele('ram:SubjectCode').txt(subjectCode);
}

function exchangedDocument(document: Element, snapshot: InvoiceSnapshot) {
  const { seller } = snapshot;
  document.ele('ram:ID').txt(snapshot.number);
  document.ele('ram:TypeCode').txt(TYPE_CODES[snapshot.kind]);
  dateTime(document, 'ram:IssueDateTime', snapshot.issueDate);
  if (snapshot.corrects) {
    const reason = snapshot.reason ? ` ${TEXTS.reason.fr}\u00a0: ${snapshot.reason}` : '';
    note(document, `${correctsInvoice(snapshot.corrects.number, day(snapshot.corrects.issueDate)).fr}.${reason}`, 'AAI');
  }
  // The mentions French law wants on every invoice, with their UNTDID 4451 subjects.
  note(document, registration(seller), 'REG');
  note(document, TEXTS.recoveryIndemnity.fr, 'PMT');
  note(document, latePenalty(yearlyRate(seller.latePenaltyRateBasisPoints)).fr, 'PMD');
  note(document, TEXTS.noEarlyPaymentDiscount.fr, 'AAB');
}

/** The VAT category of the lines: standard rate at home, exempt intra-Community supply (K) abroad. */
function vatCategory(snapshot: InvoiceSnapshot, rate: VatBreakdown['rate']): { code: 'S' | 'K'; rate: string } {
  return snapshot.vatRegime === 'intra_community' ? { code: 'K', rate: '0' } : { code: 'S', rate };
}

function price(parent: Element, cents: number) {
  parent.ele('ram:ChargeAmount').txt(amount(cents));
  parent.ele('ram:BasisQuantity', { unitCode: UNIT }).txt(PRICE_BASIS);
}

function lineItem(item: Element, line: InvoiceLine, snapshot: InvoiceSnapshot) {
  item.ele('ram:AssociatedDocumentLineDocument').ele('ram:LineID').txt(String(line.lineNumber));
  item.ele('ram:SpecifiedTradeProduct').ele('ram:Name').txt(line.productName);
  const agreement = item.ele('ram:SpecifiedLineTradeAgreement');
  if (line.listPricePer1000Cents !== null && line.listPricePer1000Cents > line.pricePer1000Cents) {
    // The negotiated price as a discount on the list price (BT-148 − BT-147 = BT-146).
    const gross = agreement.ele('ram:GrossPriceProductTradePrice');
    price(gross, line.listPricePer1000Cents);
    const discount = gross.ele('ram:AppliedTradeAllowanceCharge');
    discount.ele('ram:ChargeIndicator').ele('udt:Indicator').txt('false');
    discount.ele('ram:ActualAmount').txt(amount(line.listPricePer1000Cents - line.pricePer1000Cents));
  }
  price(agreement.ele('ram:NetPriceProductTradePrice'), line.pricePer1000Cents);
  item.ele('ram:SpecifiedLineTradeDelivery').ele('ram:BilledQuantity', { unitCode: UNIT }).txt(String(line.quantity));
  const settlement = item.ele('ram:SpecifiedLineTradeSettlement');
  const category = vatCategory(snapshot, line.vatRate);
  const tax = settlement.ele('ram:ApplicableTradeTax');
  tax.ele('ram:TypeCode').txt('VAT');
  tax.ele('ram:CategoryCode').txt(category.code);
  tax.ele('ram:RateApplicablePercent').txt(category.rate);
  settlement.ele('ram:SpecifiedTradeSettlementLineMonetarySummation').ele('ram:LineTotalAmount').txt(amount(line.exclVatCents));
}

function postalAddress(party: Element, address: Address) {
  const postal = party.ele('ram:PostalTradeAddress');
  postal.ele('ram:PostcodeCode').txt(address.postalCode);
  postal.ele('ram:LineOne').txt(address.line1);
  if (address.line2) postal.ele('ram:LineTwo').txt(address.line2);
  postal.ele('ram:CityName').txt(address.city);
  postal.ele('ram:CountryID').txt(address.country);
}

function vatRegistration(party: Element, vatNumber: string) {
  party.ele('ram:SpecifiedTaxRegistration').ele('ram:ID', { schemeID: 'VA' }).txt(vatNumber);
}

function headerAgreement(agreement: Element, snapshot: InvoiceSnapshot) {
  const { seller, buyer } = snapshot;
  const sellerParty = agreement.ele('ram:SellerTradeParty');
  sellerParty.ele('ram:ID').txt(seller.siret);
  sellerParty.ele('ram:Name').txt(seller.legalName);
  sellerParty.ele('ram:SpecifiedLegalOrganization').ele('ram:ID', { schemeID: SIREN_SCHEME }).txt(seller.siren);
  postalAddress(sellerParty, seller.address);
  vatRegistration(sellerParty, seller.vatNumber);

  const buyerParty = agreement.ele('ram:BuyerTradeParty');
  buyerParty.ele('ram:Name').txt(buyer.legalName);
  if (buyer.siret) buyerParty.ele('ram:SpecifiedLegalOrganization').ele('ram:ID', { schemeID: SIRET_SCHEME }).txt(buyer.siret);
  postalAddress(buyerParty, buyer.billingAddress);
  if (buyer.vatNumber) vatRegistration(buyerParty, buyer.vatNumber);

  // Ventalis' order reference is the seller's sales order (BT-14); the buyer's own is the PO (BT-13).
  agreement.ele('ram:SellerOrderReferencedDocument').ele('ram:IssuerAssignedID').txt(snapshot.orderReference);
  if (snapshot.purchaseOrderNumber) agreement.ele('ram:BuyerOrderReferencedDocument').ele('ram:IssuerAssignedID').txt(snapshot.purchaseOrderNumber);
}

function headerDelivery(delivery: Element, snapshot: InvoiceSnapshot) {
  const { buyer } = snapshot;
  const intraCommunity = snapshot.vatRegime === 'intra_community';
  // An intra-Community supply must say where the goods went (BR-IC-12) and when (BR-IC-11).
  if (buyer.deliveryAddress || intraCommunity) {
    const shipTo = delivery.ele('ram:ShipToTradeParty');
    shipTo.ele('ram:Name').txt(buyer.legalName);
    postalAddress(shipTo, buyer.deliveryAddress ?? buyer.billingAddress);
  }
  if (intraCommunity) dateTime(delivery.ele('ram:ActualDeliverySupplyChainEvent'), 'ram:OccurrenceDateTime', snapshot.saleDate);
}

function headerSettlement(settlement: Element, snapshot: InvoiceSnapshot) {
  const { payment, seller, totals } = snapshot;
  // A credit note is settled against its invoice: no payment instructions of its own.
  const payable = snapshot.kind === 'invoice';
  if (payable && payment.method === 'transfer') settlement.ele('ram:PaymentReference').txt(payment.paymentReference);
  settlement.ele('ram:InvoiceCurrencyCode').txt('EUR');
  if (payable) {
    const means = settlement.ele('ram:SpecifiedTradeSettlementPaymentMeans');
    means.ele('ram:TypeCode').txt(PAYMENT_MEANS[payment.method]);
    if (payment.method === 'transfer') {
      means.ele('ram:PayeePartyCreditorFinancialAccount').ele('ram:IBANID').txt(seller.iban);
      means.ele('ram:PayeeSpecifiedCreditorFinancialInstitution').ele('ram:BICID').txt(seller.bic);
    }
  }
  for (const group of totals.vatBreakdown) tradeTax(settlement.ele('ram:ApplicableTradeTax'), group, snapshot);
  const terms = settlement.ele('ram:SpecifiedTradePaymentTerms');
  terms.ele('ram:Description').txt(paymentTermsDescription(snapshot));
  dateTime(terms, 'ram:DueDateDateTime', payment.dueDate);
  monetarySummation(settlement.ele('ram:SpecifiedTradeSettlementHeaderMonetarySummation'), snapshot);
  if (snapshot.corrects) {
    const invoice = settlement.ele('ram:InvoiceReferencedDocument');
    invoice.ele('ram:IssuerAssignedID').txt(snapshot.corrects.number);
    dateTime(invoice, 'ram:FormattedIssueDateTime', snapshot.corrects.issueDate, 'qdt');
  }
}

function tradeTax(tax: Element, group: VatBreakdown, snapshot: InvoiceSnapshot) {
  const category = vatCategory(snapshot, group.rate);
  tax.ele('ram:CalculatedAmount').txt(amount(group.vatCents));
  tax.ele('ram:TypeCode').txt('VAT');
  if (category.code === 'K') tax.ele('ram:ExemptionReason').txt(CII_EXEMPTION_REASON);
  tax.ele('ram:BasisAmount').txt(amount(group.basisCents));
  tax.ele('ram:CategoryCode').txt(category.code);
  if (category.code === 'K') tax.ele('ram:ExemptionReasonCode').txt('VATEX-EU-IC');
  tax.ele('ram:RateApplicablePercent').txt(category.rate);
}

function paymentTermsDescription(snapshot: InvoiceSnapshot): string {
  const { seller } = snapshot;
  return [settlementOf(snapshot).fr, latePenalty(yearlyRate(seller.latePenaltyRateBasisPoints)).fr, TEXTS.recoveryIndemnity.fr, TEXTS.noEarlyPaymentDiscount.fr].join('. ') + '.';
}

function monetarySummation(summation: Element, { totals }: InvoiceSnapshot) {
  // No document-level allowances or charges: the lines' total is the taxable total.
  summation.ele('ram:LineTotalAmount').txt(amount(totals.exclVatCents));
  summation.ele('ram:TaxBasisTotalAmount').txt(amount(totals.exclVatCents));
  summation.ele('ram:TaxTotalAmount', { currencyID: 'EUR' }).txt(amount(totals.vatCents));
  summation.ele('ram:GrandTotalAmount').txt(amount(totals.inclVatCents));
  if (totals.prepaidCents !== 0) summation.ele('ram:TotalPrepaidAmount').txt(amount(totals.prepaidCents));
  summation.ele('ram:DuePayableAmount').txt(amount(totals.dueCents));
}
