import { PDFDocument } from 'pdf-lib';
import { embedFonts } from './facturx';
import { drawInvoice, type QuoteSheet } from './pdf';
import { TEXTS } from './texts';

/**
 * A quote's PDF: the invoice's layout (seller, buyer, lines, VAT per rate, totals) with the
 * offer's last day and terms. A quote is no invoice: no Factur-X XML, no PDF/A. It is drawn
 * when asked for, from the quote as it stands, so a revised offer prints as revised.
 */
export async function renderQuotePdf(sheet: QuoteSheet, sentAt: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${TEXTS.quote.fr} ${sheet.number}`, { showInWindowTitleBar: true });
  doc.setLanguage('fr-FR');
  doc.setCreationDate(sentAt);
  doc.setModificationDate(sentAt);
  doc.setProducer('Ventalis');
  doc.setCreator('Ventalis');
  drawInvoice(doc, await embedFonts(doc), sheet);
  return doc.save();
}
