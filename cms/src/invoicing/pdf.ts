import { PageSizes, rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { Address, InvoiceLine, InvoiceSnapshot, VatBreakdown } from '@ventalis/contracts';
import { TEXTS, capital, continued, correctsInvoice, day, euros, latePenalty, pageOf, percent, registration, settlementOf, shareCapital, units, yearlyRate, type Bilingual } from './texts';

/**
 * Draws an invoice, a credit note or a quote on A4 pages: what a French accountant must find on it
 * (articles 242 nonies A of the CGI and L441-9 of the Code de commerce), in French, with the
 * English of each heading and label below it when the buyer reads English. Only the two
 * fonts given are used, so that everything on the page is embedded (PDF/A).
 *
 * Layout works with boxes: each piece of the page knows its height before it is drawn, so a
 * piece that does not fit goes whole to the next page; the lines table repeats its header
 * there, and every page gets the seller's footer and "Page n / N".
 */

export interface InvoiceFonts {
  regular: PDFFont;
  bold: PDFFont;
}

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const LEFT = 42;
const RIGHT = PAGE_WIDTH - 42;
const WIDTH = RIGHT - LEFT;
const TOP = PAGE_HEIGHT - 42;
/** The page head has two columns: the seller, then the buyer, on the left; the document and the delivery address on the right. */
const HALF_WIDTH = 250;
const RIGHT_HALF = 330;
/** Room kept for the footer. */
const BOTTOM = 62;
const GAP = 14;
const LEADING = 1.28;
const CELL_PADDING = 4;

const INK = rgb(0.11, 0.13, 0.16);
const MUTED = rgb(0.43, 0.46, 0.51);
const RULE = rgb(0.82, 0.84, 0.87);
const SHADE = rgb(0.94, 0.95, 0.96);
const ACCENT = rgb(0.09, 0.38, 0.27);

interface Style {
  bold?: boolean;
  size: number;
  color: RGB;
}
const BODY: Style = { size: 8.5, color: INK };
const STRONG: Style = { bold: true, size: 8.5, color: INK };
const LABEL: Style = { bold: true, size: 7.5, color: INK };
/** The English under a French heading or label: smaller, grey. */
const ENGLISH: Style = { size: 6.5, color: MUTED };
const HEADING: Style = { bold: true, size: 9.5, color: ACCENT };
const TITLE: Style = { bold: true, size: 20, color: ACCENT };
const SMALL: Style = { size: 7, color: MUTED };

/** Something to draw whose height is known: placed by its top edge. */
interface Box {
  height: number;
  draw(page: PDFPage, top: number): void;
}

const EMPTY: Box = { height: 0, draw: () => undefined };

/**
 * A quote as it is printed: the same parties, lines and totals as an invoice, with the offer's
 * last day instead of a payment, and the consultant's word to the buyer.
 */
export interface QuoteSheet extends Pick<InvoiceSnapshot, 'number' | 'language' | 'seller' | 'vatRegime' | 'lines' | 'totals'> {
  kind: 'quote';
  /** An offer may go to a company whose billing address is not known yet (an invoice never does). */
  buyer: Omit<InvoiceSnapshot['buyer'], 'billingAddress'> & { billingAddress: Address | null };
  /** The day it was sent, YYYY-MM-DD. */
  issueDate: string;
  validUntil: string;
  comment: string | null;
}

/** What this module prints: an issued invoice or credit note, or a quote. */
export type PrintedDocument = InvoiceSnapshot | QuoteSheet;

const titleOf = (document: PrintedDocument): Bilingual => (document.kind === 'invoice' ? TEXTS.invoice : document.kind === 'credit_note' ? TEXTS.creditNote : TEXTS.quote);

export function drawInvoice(doc: PDFDocument, fonts: InvoiceFonts, snapshot: PrintedDocument): void {
  const sheet = new Sheet(doc, fonts, snapshot);
  sheet.place(sheet.header());
  sheet.place(sheet.parties());
  sheet.place(sheet.references());
  sheet.linesTable();
  sheet.place(sheet.totals());
  sheet.place(sheet.paymentAndMentions());
  sheet.footers();
}

class Sheet {
  private page: PDFPage;
  private y = TOP;
  private readonly english: boolean;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: InvoiceFonts,
    private readonly snapshot: PrintedDocument,
  ) {
    this.english = snapshot.language === 'en';
    this.page = doc.addPage(PageSizes.A4);
  }

  // ---------------------------------------------------------------- placing boxes on pages

  /**
   * Places a box below the previous one, `gap` below it, on a new page when it does not fit
   * (then `onNewPage` first, for the table's header).
   */
  place(box: Box, gap = GAP, onNewPage: () => void = () => undefined): void {
    if (box.height === 0) return;
    if (this.y - box.height < BOTTOM) {
      this.newPage();
      onNewPage();
    }
    box.draw(this.page, this.y);
    this.y -= box.height + gap;
  }

  private newPage() {
    this.page = this.doc.addPage(PageSizes.A4);
    this.y = TOP;
    this.place(this.continuationHeader());
  }

  // ---------------------------------------------------------------- primitives

  private font(style: Style): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Text wrapped to `width`, left or right aligned; a word wider than the column is cut. */
  private text(value: string, x: number, width: number, style: Style, align: 'left' | 'right' = 'left'): Box {
    const font = this.font(style);
    // Composed accents, as the fonts are drawn without mark positioning; one paragraph per box.
    const lines = wrap(value.normalize('NFC').replace(/[\r\n\t]+/g, ' '), font, style.size, width);
    const advance = style.size * LEADING;
    return {
      height: lines.length * advance,
      draw: (page, top) =>
        lines.forEach((line, index) => {
          const offset = align === 'right' ? width - widthOf(font, line, style.size) : 0;
          page.drawText(line, { x: x + offset, y: top - style.size - index * advance, size: style.size, font, color: style.color });
        }),
    };
  }

  /** French, then the English below it when the buyer reads English (and it differs). */
  private bilingual(words: Bilingual, x: number, width: number, french: Style = LABEL, align: 'left' | 'right' = 'left'): Box {
    const fr = this.text(words.fr, x, width, french, align);
    return this.english && words.en !== words.fr ? stack([fr, this.text(words.en, x, width, ENGLISH, align)]) : fr;
  }

  /** A label and its value side by side. */
  private field(label: Bilingual, value: string | Box, x: number, width: number, labelWidth: number): Box {
    const valueBox = typeof value === 'string' ? this.text(value, x + labelWidth, width - labelWidth, BODY) : value;
    return beside([this.bilingual(label, x, labelWidth - 6), valueBox], 2);
  }

  private address(address: Address | null, x: number, width: number): Box {
    if (!address) return EMPTY;
    const country = address.country === 'FR' ? '' : countryName(address.country);
    const lines = [address.line1, address.line2, `${address.postalCode} ${address.city}`, country].filter(Boolean);
    return stack(lines.map((line) => this.text(line, x, width, BODY)));
  }

  // ---------------------------------------------------------------- page 1 head

  /** The seller on the left, what the document is on the right. */
  header(): Box {
    const { seller } = this.snapshot;
    const sellerBox = stack([
      this.text(seller.legalName, LEFT, HALF_WIDTH, { ...STRONG, size: 12 }),
      this.address(seller.address, LEFT, HALF_WIDTH),
      this.bilingual(shareCapital(seller.legalForm, capital(seller.shareCapitalEuros)), LEFT, HALF_WIDTH, BODY),
      this.text(`SIREN ${seller.siren} — SIRET ${seller.siret}`, LEFT, HALF_WIDTH, BODY),
      this.text(`RCS ${seller.rcsCity} ${seller.siren}`, LEFT, HALF_WIDTH, BODY),
      this.field(TEXTS.vatNumber, seller.vatNumber, LEFT, HALF_WIDTH, 112),
    ]);
    return beside([sellerBox, this.documentTitle()]);
  }

  private documentTitle(): Box {
    const { snapshot } = this;
    const x = RIGHT_HALF;
    const width = RIGHT - x;
    const labelWidth = 96;
    const number = this.field(TEXTS.number, this.text(snapshot.number, x + labelWidth, width - labelWidth, STRONG), x, width, labelWidth);
    if (snapshot.kind === 'quote') {
      return stack(
        [
          this.bilingual(TEXTS.quote, x, width, TITLE),
          number,
          this.field(TEXTS.quoteDate, day(snapshot.issueDate), x, width, labelWidth),
          this.field(TEXTS.validUntil, this.text(day(snapshot.validUntil), x + labelWidth, width - labelWidth, STRONG), x, width, labelWidth),
        ],
        4,
      );
    }
    const corrects = snapshot.corrects;
    return stack(
      [
        this.bilingual(titleOf(snapshot), x, width, TITLE),
        number,
        this.field(TEXTS.issueDate, day(snapshot.issueDate), x, width, labelWidth),
        this.field(TEXTS.saleDate, day(snapshot.saleDate), x, width, labelWidth),
        corrects ? this.bilingual(correctsInvoice(corrects.number, day(corrects.issueDate)), x, width, STRONG) : EMPTY,
        snapshot.reason ? this.field(TEXTS.reason, snapshot.reason, x, width, labelWidth) : EMPTY,
      ],
      4,
    );
  }

  /** The buyer's billing address, and where the goods go when elsewhere. */
  parties(): Box {
    const { buyer } = this.snapshot;
    const party = (heading: Bilingual, address: Address | null, x: number, width: number, identifiers: Box[] = []) =>
      stack([this.bilingual(heading, x, width, HEADING), this.text(buyer.legalName, x, width, STRONG), this.address(address, x, width), ...identifiers], 2);
    const billing = party(TEXTS.buyer, buyer.billingAddress, LEFT, HALF_WIDTH, [
      buyer.siret ? this.field(TEXTS.siret, buyer.siret, LEFT, HALF_WIDTH, 112) : EMPTY,
      buyer.vatNumber ? this.field(TEXTS.vatNumber, buyer.vatNumber, LEFT, HALF_WIDTH, 112) : EMPTY,
    ]);
    return buyer.deliveryAddress ? beside([billing, party(TEXTS.deliveryAddress, buyer.deliveryAddress, RIGHT_HALF, RIGHT - RIGHT_HALF)]) : billing;
  }

  /** The buyer's purchase order, Ventalis' order, and what is sold. */
  references(): Box {
    const { snapshot } = this;
    const labelWidth = 140;
    if (snapshot.kind === 'quote') {
      return snapshot.comment ? stack([this.bilingual(TEXTS.consultantComment, LEFT, WIDTH, HEADING), this.text(snapshot.comment, LEFT, WIDTH, BODY)], 3) : EMPTY;
    }
    return stack(
      [
        snapshot.purchaseOrderNumber ? this.field(TEXTS.purchaseOrder, snapshot.purchaseOrderNumber, LEFT, WIDTH, labelWidth) : EMPTY,
        this.field(TEXTS.orderReference, snapshot.orderReference, LEFT, WIDTH, labelWidth),
        this.field(TEXTS.nature, this.bilingual(TEXTS.supplyOfGoods, LEFT + labelWidth, WIDTH - labelWidth, BODY), LEFT, WIDTH, labelWidth),
      ],
      3,
    );
  }

  // ---------------------------------------------------------------- lines

  /** One row per line; the header again on each new page. */
  linesTable(): void {
    const columns = this.columns();
    const header = this.tableHeader(columns);
    this.place(header, 0);
    this.snapshot.lines.forEach((line, index) => {
      const last = index === this.snapshot.lines.length - 1;
      this.place(this.tableRow(columns, line), last ? GAP : 0, () => this.place(header, 0));
    });
  }

  /** The description takes the width the figures leave; list price and discount only when a line has one. */
  private columns(): Column<InvoiceLine>[] {
    const intraCommunity = this.snapshot.vatRegime === 'intra_community';
    const discount: Omit<Column<InvoiceLine>, 'x'>[] = this.snapshot.lines.some(isDiscounted)
      ? [
          { title: TEXTS.listPrice, width: 64, align: 'right', value: (line) => (isDiscounted(line) ? euros(line.listPricePer1000Cents) : '') },
          { title: TEXTS.discount, width: 44, align: 'right', value: (line) => (isDiscounted(line) ? `−${percent(discountPercent(line))}` : '') },
        ]
      : [];
    const figures: Omit<Column<InvoiceLine>, 'x'>[] = [
      { title: TEXTS.quantity, width: 52, align: 'right', value: (line) => units(line.quantity) },
      ...discount,
      { title: TEXTS.unitPrice, width: 64, align: 'right', value: (line) => euros(line.pricePer1000Cents) },
      { title: TEXTS.vatRate, width: 36, align: 'right', value: (line) => percent(intraCommunity ? 0 : line.vatRate) },
      { title: TEXTS.lineTotal, width: 68, align: 'right', value: (line) => euros(line.exclVatCents) },
    ];
    const descriptionWidth = WIDTH - figures.reduce((sum, column) => sum + column.width, 0);
    return columnsFrom(LEFT, [{ title: TEXTS.description, width: descriptionWidth, align: 'left', value: (line) => line.productName }, ...figures]);
  }

  private cell(column: Place, content: (x: number, width: number) => Box): Box {
    return inset(content(column.x + CELL_PADDING, column.width - 2 * CELL_PADDING));
  }

  private tableHeader<Row>(columns: Column<Row>[]): Box {
    const cells = beside(columns.map((column) => this.cell(column, (x, width) => this.bilingual(column.title, x, width, LABEL, column.align))));
    return shaded(cells, ...span(columns));
  }

  private tableRow<Row>(columns: Column<Row>[], row: Row): Box {
    const cells = beside(columns.map((column) => this.cell(column, (x, width) => this.text(column.value(row), x, width, BODY, column.align))));
    return ruledBelow(cells, ...span(columns));
  }

  // ---------------------------------------------------------------- totals

  /** The VAT per rate on the left, the totals on the right. */
  totals(): Box {
    return beside([this.vatBreakdown(), this.totalsColumn()]);
  }

  private vatBreakdown(): Box {
    const columns = columnsFrom<VatBreakdown>(LEFT, [
      { title: TEXTS.rate, width: 70, align: 'left', value: (group) => percent(group.rate) },
      { title: TEXTS.taxableAmount, width: 90, align: 'right', value: (group) => euros(group.basisCents) },
      { title: TEXTS.vatAmount, width: 90, align: 'right', value: (group) => euros(group.vatCents) },
    ]);
    const [, width] = span(columns);
    const exemption = this.snapshot.vatRegime === 'intra_community' ? inset(this.bilingual(TEXTS.intraCommunityExemption, LEFT, width, STRONG), 2) : EMPTY;
    return stack([this.bilingual(TEXTS.vatBreakdown, LEFT, width, HEADING), this.tableHeader(columns), ...this.snapshot.totals.vatBreakdown.map((group) => this.tableRow(columns, group)), exemption]);
  }

  private totalsColumn(): Box {
    const { totals, kind } = this.snapshot;
    const x = RIGHT_HALF;
    const width = RIGHT - x;
    const line = (label: Bilingual, cents: number, style: Style = BODY) =>
      inset(beside([this.bilingual(label, x + CELL_PADDING, 130, style.bold ? STRONG : LABEL), this.text(euros(cents), x + CELL_PADDING, width - 2 * CELL_PADDING, style, 'right')]));
    const ruled = (box: Box) => ruledBelow(box, x, width);
    return stack([
      ruled(line(TEXTS.totalExclVat, totals.exclVatCents)),
      ruled(line(TEXTS.totalVat, totals.vatCents)),
      ruled(line(TEXTS.totalInclVat, totals.inclVatCents, STRONG)),
      totals.prepaidCents !== 0 ? ruled(line(TEXTS.alreadyPaid, totals.prepaidCents)) : EMPTY,
      kind === 'quote' ? EMPTY : shaded(line(kind === 'invoice' ? TEXTS.amountDue : TEXTS.amountCredited, totals.dueCents, { ...STRONG, size: 10 }), x, width),
    ]);
  }

  // ---------------------------------------------------------------- payment and mentions

  paymentAndMentions(): Box {
    const { snapshot } = this;
    if (snapshot.kind === 'quote') {
      return stack([this.bilingual(TEXTS.quoteTerms, LEFT, WIDTH, HEADING), this.bilingual(TEXTS.quoteAcceptance, LEFT, WIDTH, BODY), this.bilingual(TEXTS.freeQuote, LEFT, WIDTH, BODY)], 3);
    }
    const { payment, seller } = snapshot;
    const labelWidth = 140;
    const byTransfer = snapshot.kind === 'invoice' && payment.method === 'transfer';
    const transfer = byTransfer
      ? [
          this.field(TEXTS.iban, groupsOfFour(seller.iban), LEFT, WIDTH, labelWidth),
          this.field(TEXTS.bic, seller.bic, LEFT, WIDTH, labelWidth),
          this.field(TEXTS.paymentReference, this.text(payment.paymentReference, LEFT + labelWidth, WIDTH - labelWidth, STRONG), LEFT, WIDTH, labelWidth),
        ]
      : [];
    const mention = (words: Bilingual) => this.bilingual(words, LEFT, WIDTH, BODY);
    return stack(
      [
        this.bilingual(TEXTS.payment, LEFT, WIDTH, HEADING),
        snapshot.kind === 'invoice' ? this.field(TEXTS.dueDate, this.text(day(payment.dueDate), LEFT + labelWidth, WIDTH - labelWidth, STRONG), LEFT, WIDTH, labelWidth) : EMPTY,
        this.field(TEXTS.paymentTerms, this.bilingual(settlementOf(snapshot), LEFT + labelWidth, WIDTH - labelWidth, BODY), LEFT, WIDTH, labelWidth),
        ...transfer,
        spacer(4),
        this.bilingual(TEXTS.legalMentions, LEFT, WIDTH, HEADING),
        mention(latePenalty(yearlyRate(seller.latePenaltyRateBasisPoints))),
        mention(TEXTS.recoveryIndemnity),
        mention(TEXTS.noEarlyPaymentDiscount),
      ],
      3,
    );
  }

  // ---------------------------------------------------------------- every page

  private continuationHeader(): Box {
    const { snapshot } = this;
    return this.bilingual(continued(titleOf(snapshot), snapshot.number, day(snapshot.issueDate)), LEFT, WIDTH, STRONG);
  }

  /** The seller's legal identity and the page number, at the foot of every page. */
  footers(): void {
    const { seller } = this.snapshot;
    const legal = `${registration(seller)} — SIRET ${seller.siret} — ${TEXTS.vatNumber.fr} ${seller.vatNumber}`;
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      const top = BOTTOM - 22;
      page.drawLine({ start: { x: LEFT, y: top + 6 }, end: { x: RIGHT, y: top + 6 }, thickness: 0.5, color: RULE });
      this.text(legal, LEFT, WIDTH - 60, SMALL).draw(page, top);
      this.text(pageOf(index + 1, pages.length), RIGHT - 60, 60, SMALL, 'right').draw(page, top);
    });
  }
}

/** A table column: where it stands, its heading, and what it shows of each row. */
interface Column<Row> {
  title: Bilingual;
  x: number;
  width: number;
  align: 'left' | 'right';
  value(row: Row): string;
}

type Place = Pick<Column<unknown>, 'x' | 'width'>;

/** Columns side by side from `x`. */
function columnsFrom<Row>(x: number, columns: Omit<Column<Row>, 'x'>[]): Column<Row>[] {
  let next = x;
  return columns.map((column) => {
    const placed = { ...column, x: next };
    next += column.width;
    return placed;
  });
}

/** Where a table stands: its left edge and its width. */
function span(columns: Place[]): [x: number, width: number] {
  const last = columns[columns.length - 1];
  return [columns[0].x, last.x + last.width - columns[0].x];
}

// ---------------------------------------------------------------- box combinators

/** Boxes one below the other. */
function stack(boxes: Box[], gap = 0): Box {
  const shown = boxes.filter((box) => box.height > 0);
  return {
    height: shown.reduce((sum, box) => sum + box.height, 0) + gap * Math.max(0, shown.length - 1),
    draw: (page, top) => {
      let y = top;
      for (const box of shown) {
        box.draw(page, y);
        y -= box.height + gap;
      }
    },
  };
}

/** Boxes side by side (each already knows its x), as tall as the tallest plus `extra`. */
function beside(boxes: Box[], extra = 0): Box {
  return {
    height: Math.max(0, ...boxes.map((box) => box.height)) + extra,
    draw: (page, top) => boxes.forEach((box) => box.draw(page, top)),
  };
}

/** Padding above and below. */
function inset(box: Box, padding = CELL_PADDING): Box {
  return { height: box.height + 2 * padding, draw: (page, top) => box.draw(page, top - padding) };
}

function spacer(height: number): Box {
  return { height, draw: () => undefined };
}

/** A full-width shaded band behind the box (table headers, the amount due). */
function shaded(box: Box, x = LEFT, width = WIDTH): Box {
  return {
    height: box.height,
    draw: (page, top) => {
      page.drawRectangle({ x, y: top - box.height, width, height: box.height, color: SHADE });
      box.draw(page, top);
    },
  };
}

function ruledBelow(box: Box, x = LEFT, width = WIDTH): Box {
  return {
    height: box.height,
    draw: (page, top) => {
      box.draw(page, top);
      page.drawLine({ start: { x, y: top - box.height }, end: { x: x + width, y: top - box.height }, thickness: 0.4, color: RULE });
    },
  };
}

// ---------------------------------------------------------------- text helpers

/** Words on lines no wider than `width`; a word wider than a whole line is cut where it must. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (candidate: string) => widthOf(font, candidate, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  lines.push(line);
  return lines;
}

const advances = new WeakMap<PDFFont, Map<string, number>>();

/**
 * The width pdf-lib will give the text, from each character's advance measured once per
 * font: text is laid out without shaping (see ./facturx), so a character is one glyph and
 * widths simply add up. Wrapping measures every line it tries; this makes long tables 25 %
 * faster than asking pdf-lib each time.
 */
function widthOf(font: PDFFont, text: string, size: number): number {
  let widths = advances.get(font);
  if (!widths) advances.set(font, (widths = new Map()));
  let total = 0;
  for (const char of text) {
    let width = widths.get(char);
    if (width === undefined) widths.set(char, (width = font.widthOfTextAtSize(char, 1)));
    total += width;
  }
  return total * size;
}

type DiscountedLine = InvoiceLine & { listPricePer1000Cents: number };
const isDiscounted = (line: InvoiceLine): line is DiscountedLine => line.listPricePer1000Cents !== null && line.listPricePer1000Cents > line.pricePer1000Cents;

/** The discount as a percentage of the list price, for the reader (the XML gives the amount). */
const discountPercent = (line: DiscountedLine): number => ((line.listPricePer1000Cents - line.pricePer1000Cents) * 100) / line.listPricePer1000Cents;

const countryNames = new Intl.DisplayNames(['fr'], { type: 'region' });
const countryName = (code: string): string => countryNames.of(code) ?? code;

/** "FR7630006000011234567890189" → "FR76 3000 6000 0112 3456 7890 189", as IBANs are printed. */
const groupsOfFour = (iban: string): string => iban.replace(/(.{4})(?=.)/g, '$1 ');
