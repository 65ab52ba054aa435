import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFStream, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoiceTotals, type Address, type InvoiceLine, type InvoiceSnapshot, type VatRegime } from '@ventalis/contracts';
import { renderFacturX } from './facturx';
import { renderQuotePdf } from './quote-pdf';
import { embeddedFile, embeddedFileSpec, streamBytes, streamText, validateCii } from '../../tests/support/facturx';

/**
 * Each document is rendered, its XML taken back out of the PDF and handed to the independent
 * EN 16931 checker (../shared/facturx: the official business rules and the CII schema). The
 * PDF/A-3 pieces are checked structurally, as veraPDF cannot be installed here, and the page
 * text through poppler's pdftotext.
 */

async function expectValid(xml: string) {
  const report = await validateCii(xml);
  expect(report.fatal, 'EN 16931 rules broken').toEqual([]);
  expect(report.xsd.checked, 'the CII schema was not checked: install xmllint (apt-get install -y libxml2-utils)').toBe(true);
  expect(report.xsd.errors, 'CII schema errors').toEqual([]);
  expect(report.ok).toBe(true);
}

// ---------------------------------------------------------------- the documents

const PARIS: Address = { line1: '12 rue du Sentier', line2: '', postalCode: '75002', city: 'Paris', country: 'FR' };
const LYON: Address = { line1: '8 quai Saint-Vincent', line2: 'Bâtiment B', postalCode: '69001', city: 'Lyon', country: 'FR' };
const VILLEURBANNE: Address = { line1: 'Entrepôt 4, 31 rue Frédéric-Faÿs', line2: '', postalCode: '69100', city: 'Villeurbanne', country: 'FR' };
const BERLIN: Address = { line1: 'Müllerstraße 5', line2: '', postalCode: '13353', city: 'Berlin', country: 'DE' };

const SELLER: InvoiceSnapshot['seller'] = {
  legalName: 'Ventalis SAS',
  legalForm: 'SAS',
  shareCapitalEuros: 50_000,
  address: PARIS,
  siren: '732829320',
  siret: '73282932000074',
  rcsCity: 'Paris',
  vatNumber: 'FR44732829320',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
  latePenaltyRateBasisPoints: 1215,
};

/** A line as the order computes it: net = quantity × price / 1,000, VAT per line, both rounded. */
function line(lineNumber: number, productName: string, quantity: number, pricePer1000Cents: number, vatRate: InvoiceLine['vatRate'], listPricePer1000Cents: number | null = null): InvoiceLine {
  const exclVatCents = Math.round((quantity * pricePer1000Cents) / 1000);
  return { lineNumber, productName, quantity, pricePer1000Cents, listPricePer1000Cents, vatRate, exclVatCents, vatCents: Math.round((exclVatCents * Number(vatRate)) / 100) };
}

/** A snapshot as the invoicing service takes it: totals from the lines, a card payment settled in full. */
function invoice(overrides: Partial<InvoiceSnapshot> & { lines: InvoiceLine[] }, regime: VatRegime = 'domestic'): InvoiceSnapshot {
  const prepaidCents = overrides.payment?.method === 'card' ? invoiceTotals(overrides.lines, regime).inclVatCents : 0;
  return {
    kind: 'invoice',
    number: 'F-2026-000042',
    issueDate: '2026-12-04',
    saleDate: '2026-12-03',
    language: 'fr',
    seller: SELLER,
    buyer: { legalName: 'Maison Lavande SARL', billingAddress: LYON, deliveryAddress: null, siret: '30326504500019', vatNumber: 'FR40303265045' },
    orderReference: 'VT-261203-K7QW2P',
    purchaseOrderNumber: null,
    vatRegime: regime,
    payment: { method: 'transfer', terms: 'transfer_30_days', dueDate: '2027-01-03', paymentReference: overrides.number ?? 'F-2026-000042' },
    corrects: null,
    reason: null,
    ...overrides,
    totals: invoiceTotals(overrides.lines, regime, prepaidCents),
  };
}

const cardInvoice = invoice({
  language: 'en',
  payment: { method: 'card', terms: null, dueDate: '2026-12-04', paymentReference: 'F-2026-000042' },
  lines: [
    line(1, 'Gobelet carton 25 cl, encre végétale', 5000, 4590, '20', 5200),
    line(2, 'Sachet kraft pour vrac 1 kg', 2500, 12_345, '5.5'),
    line(3, 'Couvercle compostable « Ø 80 mm »', 5000, 1999, '20'),
  ],
});

const transferInvoice = invoice({
  number: 'F-2026-000043',
  purchaseOrderNumber: 'BC-2026-118',
  buyer: { legalName: 'Épicerie Durand & Fils', billingAddress: LYON, deliveryAddress: VILLEURBANNE, siret: '30326504500019', vatNumber: null },
  payment: { method: 'transfer', terms: 'transfer_45_days_end_of_month', dueDate: '2027-01-31', paymentReference: 'F-2026-000043' },
  lines: [line(1, 'Boîte pâtissière 20 × 20 cm', 1200, 38_000, '20'), line(2, 'Ficelle de lin', 3000, 2150, '20')],
});

const intraCommunityInvoice = invoice(
  {
    number: 'F-2026-000044',
    language: 'en',
    buyer: { legalName: 'Müller & Söhne GmbH', billingAddress: BERLIN, deliveryAddress: null, siret: null, vatNumber: 'DE123456789' },
    payment: { method: 'transfer', terms: 'transfer_60_days', dueDate: '2027-02-02', paymentReference: 'F-2026-000044' },
    lines: [line(1, 'Gobelet carton 25 cl', 20_000, 4200, '20'), line(2, 'Sachet kraft pour vrac 1 kg', 4000, 12_345, '5.5')],
  },
  'intra_community',
);

const creditNote = invoice({
  kind: 'credit_note',
  number: 'A-2026-000003',
  issueDate: '2026-12-10',
  corrects: { number: 'F-2026-000042', issueDate: '2026-12-04' },
  reason: 'Retour de 1 000 gobelets abîmés à la livraison',
  payment: { method: 'transfer', terms: 'transfer_30_days', dueDate: '2026-12-10', paymentReference: 'A-2026-000003' },
  lines: [line(1, 'Gobelet carton 25 cl, encre végétale', 1000, 4590, '20', 5200)],
});

// ---------------------------------------------------------------- reading the PDF back

/** The contents of every `name` element (our XML has no nested element of the same name). */
const elements = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`, 'g'))].map((match) => match[1].trim());
const element = (xml: string, name: string): string => {
  const [first] = elements(xml, name);
  if (first === undefined) throw new Error(`No ${name} element`);
  return first;
};

const euros = (cents: number) => (cents / 100).toFixed(2);

/** The page text, laid out, with French spacing made plain and runs of spaces made one. */
function pageText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'facturx-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(`pdftotext failed; is poppler-utils installed (apt-get install -y poppler-utils)? ${String(error)}`);
    }
    return text.replace(/[ \t\u00a0\u202f]+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A French amount as the page shows it, once spaces are made plain: 123456 → "1 234,56 €". */
const shown = (cents: number) =>
  `${Math.trunc(cents / 100)
    .toLocaleString('fr-FR')
    .replace(/\s/g, ' ')},${String(cents % 100).padStart(2, '0')} €`;

// ---------------------------------------------------------------- the tests

const documents = [
  { name: 'a domestic invoice paid by card, at 5.5 % and 20 %, with a discounted line', snapshot: cardInvoice },
  { name: 'a domestic invoice on transfer, with a purchase order and a delivery address', snapshot: transferInvoice },
  { name: 'an intra-Community invoice to a German buyer', snapshot: intraCommunityInvoice },
  { name: 'a credit note correcting an invoice', snapshot: creditNote },
];

describe.each(documents)('$name', ({ snapshot }) => {
  let bytes: Uint8Array;
  let doc: PDFDocument;
  let xml: string;
  let text: string;

  beforeAll(async () => {
    bytes = await renderFacturX(snapshot);
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
    xml = streamText(embeddedFile(embeddedFileSpec(doc, 'factur-x.xml')));
    text = pageText(bytes);
  });

  it('carries XML that passes the EN 16931 rules and the CII schema', async () => {
    await expectValid(xml);
    expect(element(xml, 'ram:TypeCode')).toBe(snapshot.kind === 'invoice' ? '380' : '381');
  });

  it('writes exactly the snapshot’s amounts', () => {
    const { totals } = snapshot;
    expect(elements(xml, 'ram:SpecifiedTradeSettlementLineMonetarySummation').map((summation) => element(summation, 'ram:LineTotalAmount'))).toEqual(snapshot.lines.map((l) => euros(l.exclVatCents)));
    const summation = element(xml, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation');
    expect(element(summation, 'ram:LineTotalAmount')).toBe(euros(totals.exclVatCents));
    expect(element(summation, 'ram:TaxBasisTotalAmount')).toBe(euros(totals.exclVatCents));
    expect(summation).toContain(`<ram:TaxTotalAmount currencyID="EUR">${euros(totals.vatCents)}</ram:TaxTotalAmount>`);
    expect(element(summation, 'ram:GrandTotalAmount')).toBe(euros(totals.inclVatCents));
    expect(elements(summation, 'ram:TotalPrepaidAmount')).toEqual(totals.prepaidCents ? [euros(totals.prepaidCents)] : []);
    expect(element(summation, 'ram:DuePayableAmount')).toBe(euros(totals.dueCents));
    const taxes = elements(element(xml, 'ram:ApplicableHeaderTradeSettlement'), 'ram:ApplicableTradeTax');
    expect(taxes.map((tax) => [element(tax, 'ram:BasisAmount'), element(tax, 'ram:CalculatedAmount'), element(tax, 'ram:RateApplicablePercent')])).toEqual(
      totals.vatBreakdown.map((group) => [euros(group.basisCents), euros(group.vatCents), group.rate]),
    );
  });

  it('embeds factur-x.xml as the alternative form of the document', () => {
    const spec = embeddedFileSpec(doc, 'factur-x.xml');
    expect(spec.get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Alternative'));
    expect(
      doc.catalog
        .lookup(PDFName.of('AF'), PDFArray)
        .asArray()
        .map((ref) => doc.context.lookup(ref)),
    ).toContain(spec);
    expect(embeddedFile(spec).dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('text/xml'));
    expect((spec.lookup(PDFName.of('UF')) as PDFHexString | PDFString).decodeText()).toBe('factur-x.xml');
  });

  it('declares PDF/A-3b and Factur-X EN 16931 in XMP that agrees with the Info dictionary', () => {
    const metadata = doc.catalog.lookup(PDFName.of('Metadata'), PDFStream);
    expect(metadata.dict.get(PDFName.of('Filter')), 'PDF/A wants the metadata stream unfiltered').toBeUndefined();
    const xmp = streamText(metadata);
    const value = (name: string) => element(xmp, name);
    expect([value('pdfaid:part'), value('pdfaid:conformance')]).toEqual(['3', 'B']);
    expect([value('fx:DocumentType'), value('fx:DocumentFileName'), value('fx:Version'), value('fx:ConformanceLevel')]).toEqual(['INVOICE', 'factur-x.xml', '1.0', 'EN 16931']);
    expect(value('pdfaSchema:namespaceURI')).toBe('urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#');
    expect(value('pdfaSchema:prefix')).toBe('fx');
    const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<');
    expect(unescape(element(value('dc:title'), 'rdf:li'))).toBe(doc.getTitle());
    expect(unescape(element(value('dc:creator'), 'rdf:li'))).toBe(doc.getAuthor());
    expect(unescape(element(value('dc:description'), 'rdf:li'))).toBe(doc.getSubject());
    expect(value('pdf:Producer')).toBe(doc.getProducer());
    expect(value('xmp:CreatorTool')).toBe(doc.getCreator());
    const seconds = (date: Date | undefined) => date?.toISOString().replace('.000Z', 'Z');
    expect(value('xmp:CreateDate')).toBe(seconds(doc.getCreationDate()));
    expect(value('xmp:ModifyDate')).toBe(seconds(doc.getModificationDate()));
    expect(value('xmp:CreateDate')).toBe(`${snapshot.issueDate}T12:00:00Z`);
  });

  it('has an sRGB output intent, a document ID and only embedded fonts', () => {
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe('%PDF-1.7');
    const intent = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    const profile = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream);
    expect(new TextDecoder().decode(streamBytes(profile).slice(16, 20))).toBe('RGB ');
    const id = doc.context.trailerInfo.ID;
    expect(id instanceof PDFArray && id.size() === 2 && id.get(0) instanceof PDFHexString).toBe(true);

    for (const page of doc.getPages()) {
      const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
      for (const [, ref] of fonts.entries()) {
        const font = doc.context.lookup(ref, PDFDict);
        expect(font.get(PDFName.of('Subtype'))).toBe(PDFName.of('Type0'));
        const descriptor = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict).lookup(PDFName.of('FontDescriptor'), PDFDict);
        expect(descriptor.get(PDFName.of('FontFile2'))).toBeDefined();
      }
    }
  });

  it('embeds font subsets whose glyphs keep their outlines', () => {
    // fontkit's subsetter wrote broken glyphs from fonts with odd-length glyph data (see assets/README.md).
    const fontFiles = [...doc.context.enumerateIndirectObjects()].flatMap(([, object]) =>
      object instanceof PDFDict && object.has(PDFName.of('FontFile2')) ? [object.lookup(PDFName.of('FontFile2'), PDFStream)] : [],
    );
    expect(fontFiles).toHaveLength(2);
    for (const file of fontFiles) {
      const subset = fontkit.create(Buffer.from(streamBytes(file)));
      for (let id = 0; id < subset.numGlyphs; id++) {
        const glyph = subset.getGlyph(id) as unknown as { _decode(): { numberOfContours: number } | null };
        const outline = glyph._decode();
        if (outline) expect(outline.numberOfContours, `glyph ${id}`).toBeGreaterThanOrEqual(-1);
      }
    }
  });

  it('shows what French law asks of an invoice', () => {
    const { seller, buyer, totals } = snapshot;
    for (const mention of [
      snapshot.number,
      seller.legalName,
      'SAS au capital de 50 000 €',
      `SIREN ${seller.siren}`,
      `SIRET ${seller.siret}`,
      `RCS Paris ${seller.siren}`,
      seller.vatNumber,
      buyer.legalName,
      'Livraison de biens',
      snapshot.orderReference,
      'Prix unitaire',
      'HT / 1 000',
      shown(totals.exclVatCents),
      shown(totals.inclVatCents),
      'Pénalités de retard : 12,15 % par an',
      'Indemnité forfaitaire pour frais de recouvrement : 40 € (art. L441-10 du Code de commerce)',
      'Pas d’escompte pour paiement anticipé',
      'Page 1 / 1',
    ]) {
      expect(text).toContain(mention);
    }
    expect(text.includes('Total excl. VAT'), 'English labels only for English readers').toBe(snapshot.language === 'en');
  });
});

describe('what each kind of document shows', () => {
  const textOf = async (snapshot: InvoiceSnapshot) => pageText(await renderFacturX(snapshot));

  it('a card payment: settled, with the amount already paid and the discount from the list price', async () => {
    const text = await textOf(cardInvoice);
    expect(text).toContain('Payée par carte bancaire le 3 déc. 2026 — facture acquittée');
    expect(text).toContain('Déjà payé');
    expect(text).toContain('Prix catalogue');
    expect(text).toContain('52,00 €');
    expect(text).toContain('−11,7 %');
    expect(text).toContain('5,5 %');
    expect(text).toContain('Amount due');
  });

  it('a transfer: terms, due date, bank details and the reference to quote', async () => {
    const text = await textOf(transferInvoice);
    expect(text).toContain('Virement à 45 jours fin de mois');
    expect(text).toContain('31 janv. 2027');
    expect(text).toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(text).toContain('AGRIFRPP');
    expect(text).toContain('Référence à indiquer F-2026-000043');
    expect(text).toContain('N° de bon de commande BC-2026-118');
    expect(text).toContain('Adresse de livraison');
    expect(text).toContain('Villeurbanne');
  });

  it('an intra-Community supply: the exemption, the buyer’s VAT number and country', async () => {
    const text = await textOf(intraCommunityInvoice);
    expect(text).toContain('Exonération de TVA, article 262 ter I du CGI');
    expect(text).toContain('DE123456789');
    expect(text).toContain('Allemagne');
    expect(text).not.toContain('Autoliquidation');
  });

  it('a credit note: the invoice it corrects and why', async () => {
    const text = await textOf(creditNote);
    expect(text).toContain('Avoir');
    expect(text).toContain('Avoir sur la facture F-2026-000042 du 4 déc. 2026');
    expect(text).toContain('Motif Retour de 1 000 gobelets');
    expect(text).toContain('abîmés à la livraison');
    expect(text).toContain('Net en votre faveur');
  });
});

describe('Factur-X rendering', () => {
  it('spreads 500 lines over pages, with the table header and the page number on each', async () => {
    const lines = Array.from({ length: 500 }, (_, i) =>
      line(i + 1, `Article ${i + 1} — sachet kraft recyclé, lot ${1000 + i}`, 100 + i * 7, 1_000 + ((i * 37) % 9_000), i % 3 ? '20' : '5.5', i % 5 ? null : 12_000),
    );
    const snapshot = invoice({ lines });
    const bytes = await renderFacturX(snapshot);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThan(5);
    const text = pageText(bytes);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} / ${pages}`);
    // Every page but maybe the last (totals and payment only) starts the lines table again.
    expect(text.split('Désignation').length - 1).toBeGreaterThanOrEqual(pages - 1);
    expect(text).toContain(`Article 500 —`);
    await expectValid(streamText(embeddedFile(embeddedFileSpec(doc, 'factur-x.xml'))));
  }, 60_000);

  it('gives a document whose totals are a cent off to a checker that refuses it', async () => {
    const [first, ...others] = transferInvoice.totals.vatBreakdown;
    const wrong = { ...transferInvoice, totals: { ...transferInvoice.totals, vatBreakdown: [{ ...first, vatCents: first.vatCents + 1 }, ...others] } };
    const doc = await PDFDocument.load(await renderFacturX(wrong), { updateMetadata: false });
    const report = await validateCii(streamText(embeddedFile(embeddedFileSpec(doc, 'factur-x.xml'))));
    expect(report.ok).toBe(false);
    expect(report.fatal.map((rule) => rule.id)).toContain('BR-CO-14');
  });

  it('gives the same bytes for the same snapshot, dated when it was issued if told', async () => {
    expect(Buffer.from(await renderFacturX(transferInvoice)).equals(Buffer.from(await renderFacturX(transferInvoice)))).toBe(true);
    const issuedAt = new Date('2026-12-04T09:41:27.512Z');
    const doc = await PDFDocument.load(await renderFacturX(transferInvoice, { issuedAt }), { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-04T09:41:27.000Z');
  });

  it('refuses a credit note that names no invoice', async () => {
    await expect(renderFacturX({ ...creditNote, corrects: null })).rejects.toThrow(/names no invoice/);
  });
});

describe('a quote', () => {
  const sheet = {
    kind: 'quote' as const,
    number: 'D-2026-000017',
    issueDate: '2026-12-05',
    validUntil: '2027-01-04',
    comment: 'Prix ferme pour 60 000 boîtes 🚚📦 ; délai 中文 3 semaines.\nUnmotextrêmementlongquinepeutpasêtrecoupéàunespaceetquidépasselacolonnedutexteprévuepourlui',
    language: 'en' as const,
    seller: SELLER,
    buyer: transferInvoice.buyer,
    vatRegime: 'domestic' as const,
    lines: [line(1, 'Caisse kraft S 🌱', 60_000, 9_000, '20', 45_900)],
    totals: invoiceTotals([line(1, 'Caisse kraft S', 60_000, 9_000, '20')], 'domestic'),
  };

  it('prints the offer, its last day and the consultant’s word, whatever characters a person typed', async () => {
    const bytes = await renderQuotePdf(sheet, new Date('2026-12-05T10:00:00Z'));
    const text = pageText(bytes);
    expect(text).toContain('Devis');
    expect(text).toContain('D-2026-000017');
    expect(text).toContain('Valable jusqu’au 4 janv. 2027');
    expect(text).toContain('Valid until');
    expect(text).toContain('Prix ferme pour 60 000 boîtes');
    expect(text).toContain(shown(540_000));
    expect(text).not.toContain('Net à payer');
  });
});
