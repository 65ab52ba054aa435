import { stringify } from 'csv-stringify/sync';
import { PageSizes, PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import { formatEuros, formatInteger } from '@ventalis/contracts/format';
import type { ImpactSummary, Locale } from '@ventalis/contracts';
import { embedFonts } from './facturx';

/**
 * A company's carbon statement for a year: the CO₂e of its paid orders by category and by
 * month, with the method stated, as a PDF to file and a CSV to compute with. The figures are
 * the impact summary's, unchanged.
 */

export interface StatementHeading {
  company: string;
  /** YYYY-MM-DD, the day it was drawn up. */
  drawnUp: string;
}

const TEXTS = {
  fr: {
    title: (year: number) => `Bilan carbone des achats ${year}`,
    company: 'Entreprise',
    drawnUp: 'Établi le',
    method: 'Méthode',
    methodText:
      'Émissions liées aux biens achetés auprès de Ventalis : GHG Protocol, scope 3, catégorie 1 « biens et services achetés ». Pour chaque ligne de commande payée, facteur d’émission du produit (kg CO₂e pour 1 000 unités, publié sur sa fiche) × unités achetées. Les commandes annulées ne sont pas comptées.',
    orders: 'Commandes payées',
    total: 'Total',
    spend: 'Achats HT',
    co2e: 'kg CO₂e',
    units: 'Unités',
    share: 'Part',
    byCategory: 'Par catégorie',
    byMonth: 'Par mois',
    category: 'Catégorie',
    month: 'Mois',
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  },
  en: {
    title: (year: number) => `Carbon statement of purchases, ${year}`,
    company: 'Company',
    drawnUp: 'Drawn up on',
    method: 'Method',
    methodText:
      'Emissions from the goods bought from Ventalis: GHG Protocol, scope 3, category 1 "purchased goods and services". For each paid order line, the product’s emission factor (kg CO₂e per 1,000 units, published on its page) × the units bought. Cancelled orders are not counted.',
    orders: 'Paid orders',
    total: 'Total',
    spend: 'Spend excl. VAT',
    co2e: 'kg CO₂e',
    units: 'Units',
    share: 'Share',
    byCategory: 'By category',
    byMonth: 'By month',
    category: 'Category',
    month: 'Month',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
} as const;

/** kg CO₂e with one decimal, written for the language (grams are what is stored). */
const kilograms = (grams: number, locale: Locale) => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(grams / 1000);
const share = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)} %` : '–');

/** The statement as CSV: one row per category, then one per month, then the total; kg CO₂e with a dot, euros in cents. */
export function carbonStatementCsv(summary: ImpactSummary, locale: Locale): string {
  const t = TEXTS[locale];
  const kg = (grams: number) => (grams / 1000).toFixed(3);
  const rows: (string | number)[][] = [
    ['section', 'key', 'units', 'spend_excl_vat_cents', 'kg_co2e'],
    ...summary.byCategory.map((c) => ['category', c.category, c.units, c.exclVatCents, kg(c.co2eGrams)]),
    ...summary.byMonth.map((m) => ['month', `${summary.year}-${String(m.month).padStart(2, '0')}`, '', m.exclVatCents, kg(m.co2eGrams)]),
    ['total', String(summary.year), summary.byCategory.reduce((n, c) => n + c.units, 0), summary.totals.exclVatCents, kg(summary.totals.co2eGrams)],
  ];
  // A BOM, so that spreadsheets read the accents; the method follows the figures.
  return `\uFEFF${stringify(rows)}${stringify([[`# ${t.method}: ${t.methodText}`]])}`;
}

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const LEFT = 48;
const RIGHT = PAGE_WIDTH - 48;
const INK = rgb(0.11, 0.13, 0.16);
const MUTED = rgb(0.43, 0.46, 0.51);
const ACCENT = rgb(0.09, 0.38, 0.27);
const BAR = rgb(0.55, 0.75, 0.6);

/** The statement as a PDF: heading, method, the year's figures, a bar per month, a table per category. */
export async function carbonStatementPdf(summary: ImpactSummary, heading: StatementHeading, locale: Locale): Promise<Uint8Array> {
  const t = TEXTS[locale];
  const doc = await PDFDocument.create();
  doc.setTitle(`${t.title(summary.year)} · ${heading.company}`);
  doc.setAuthor('Ventalis');
  const { regular, bold } = await embedFonts(doc);
  let page = doc.addPage(PageSizes.A4);
  let y = PAGE_HEIGHT - 56;
  const text = (value: string, x: number, size = 10, font: PDFFont = regular, color = INK) => page.drawText(value, { x, y, size, font, color });
  const right = (value: string, x: number, size = 10, font: PDFFont = regular) => text(value, x - font.widthOfTextAtSize(value, size), size, font);
  const newLine = (height: number) => {
    y -= height;
    if (y < 60) {
      page = doc.addPage(PageSizes.A4);
      y = PAGE_HEIGHT - 56;
    }
  };

  text(t.title(summary.year), LEFT, 18, bold, ACCENT);
  newLine(26);
  text(`${t.company} : ${heading.company}`.replace(' :', locale === 'fr' ? '\u00a0:' : ':'), LEFT, 11, bold);
  newLine(16);
  text(`${t.drawnUp} ${heading.drawnUp}`, LEFT, 9, regular, MUTED);
  newLine(24);

  text(t.method, LEFT, 11, bold);
  newLine(15);
  for (const line of wrap(t.methodText, regular, 9, RIGHT - LEFT)) {
    text(line, LEFT, 9, regular, MUTED);
    newLine(12);
  }
  newLine(10);

  // The year in three figures.
  const figures: [string, string][] = [
    [t.orders, formatInteger(summary.orders, locale)],
    [t.spend, formatEuros(summary.totals.exclVatCents, locale)],
    [t.co2e, kilograms(summary.totals.co2eGrams, locale)],
  ];
  figures.forEach(([label], i) => text(label, LEFT + i * 170, 9, regular, MUTED));
  newLine(16);
  figures.forEach(([, value], i) => text(value, LEFT + i * 170, 16, bold));
  newLine(34);

  // By month: a bar per month, scaled to the largest, with its figure.
  text(t.byMonth, LEFT, 12, bold);
  newLine(18);
  const largest = Math.max(1, ...summary.byMonth.map((m) => m.co2eGrams));
  for (const month of summary.byMonth) {
    text(t.months[month.month - 1]!, LEFT, 9);
    const width = Math.round(((RIGHT - LEFT - 190) * month.co2eGrams) / largest);
    if (width > 0) page.drawRectangle({ x: LEFT + 80, y: y - 1, width, height: 9, color: BAR });
    right(kilograms(month.co2eGrams, locale), RIGHT, 9);
    newLine(14);
  }
  newLine(14);

  // By category: units, spend, kg CO₂e and its share.
  text(t.byCategory, LEFT, 12, bold);
  newLine(18);
  const columns = [RIGHT - 250, RIGHT - 160, RIGHT - 60, RIGHT];
  text(t.category, LEFT, 9, bold, MUTED);
  [t.units, t.spend, t.co2e, t.share].forEach((label, i) => right(label, columns[i]!, 9, bold));
  newLine(14);
  for (const category of summary.byCategory) {
    text(category.category, LEFT, 9);
    [formatInteger(category.units, locale), formatEuros(category.exclVatCents, locale), kilograms(category.co2eGrams, locale), share(category.co2eGrams, summary.totals.co2eGrams)].forEach((value, i) => right(value, columns[i]!, 9));
    newLine(14);
  }
  text(t.total, LEFT, 9, bold);
  [formatInteger(summary.byCategory.reduce((n, c) => n + c.units, 0), locale), formatEuros(summary.totals.exclVatCents, locale), kilograms(summary.totals.co2eGrams, locale), share(summary.totals.co2eGrams, summary.totals.co2eGrams)].forEach((value, i) => right(value, columns[i]!, 9, bold));
  return doc.save();
}

/** Words to lines no wider than `width`. */
function wrap(value: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
