import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit, { type Font, type GlyphRun } from '@pdf-lib/fontkit';
import { AFRelationship, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { InvoiceSnapshot } from '@ventalis/contracts';
import { buildCii } from './cii';
import { drawInvoice, type InvoiceFonts } from './pdf';
import { TEXTS } from './texts';

/**
 * An issued invoice or credit note as a Factur-X PDF (profile EN 16931): the page a person
 * reads, drawn by ./pdf, made a PDF/A-3b that carries the EN 16931 CII XML as `factur-x.xml`.
 * pdf-lib has no PDF/A mode, so the pieces PDF/A-3 needs are added here (docs/factur-x.md §3):
 * embedded fonts only, Info and XMP from one timestamp, the sRGB output intent, the XML as an
 * associated file (/AF), a document ID.
 *
 * The same snapshot always gives the same bytes: the timestamp is the issue day at noon UTC
 * unless the caller passes when the document was issued.
 */

export interface FacturXOptions {
  /** When the document was issued; its Info and XMP dates (to the second). */
  issuedAt?: Date;
}

const FILE_NAME = 'factur-x.xml';
const PRODUCER = 'Ventalis';
const OUTPUT_CONDITION = 'sRGB IEC61966-2.1';
/**
 * fontkit as pdf-lib uses it here. Each font is parsed once per process (loadAssets always
 * hands over the same bytes), and text is laid out straight from the font's character map:
 * pdf-lib places glyphs by their advance widths only (no kerning), so fontkit's OpenType
 * shaping would bring nothing but its cost (most of an invoice's rendering time with Inter).
 * Without it there are no ligatures either, so the text extracted from the page is the text
 * written (./pdf normalises accents to their composed forms for the same reason).
 */
const parsedFonts = new WeakMap<Uint8Array, Font>();
const unshapedFontkit: Parameters<PDFDocument['registerFontkit']>[0] = {
  create(bytes: Uint8Array) {
    let font = parsedFonts.get(bytes);
    if (!font) {
      const parsed = fontkit.create(bytes);
      parsed.layout = (text: string) => ({ glyphs: parsed.glyphsForString(text) }) as GlyphRun;
      parsedFonts.set(bytes, (font = parsed));
    }
    return font;
  },
};

export async function renderFacturX(snapshot: InvoiceSnapshot, options: FacturXOptions = {}): Promise<Uint8Array> {
  const xml = buildCii(snapshot);
  const { regular, bold, icc } = await loadAssets();
  const doc = await PDFDocument.create({ updateMetadata: false });
  drawInvoice(doc, await embedFonts(doc, { regular, bold }), snapshot);

  const metadata = metadataOf(snapshot, options.issuedAt);
  setInfo(doc, metadata);
  await doc.attach(new TextEncoder().encode(xml), FILE_NAME, {
    mimeType: 'text/xml',
    description: 'Factur-X (EN 16931)',
    creationDate: metadata.date,
    modificationDate: metadata.date,
    afRelationship: AFRelationship.Alternative,
  });
  addOutputIntent(doc, icc);
  addXmp(doc, metadata);
  const id = createHash('md5').update(snapshot.number).update(xml).digest('hex');
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return doc.save({ useObjectStreams: false });
}

/** Ventalis' two fonts (Inter), embedded as subsets in a document: every document Ventalis draws uses them. */
export async function embedFonts(doc: PDFDocument, fonts?: Pick<Assets, 'regular' | 'bold'>): Promise<InvoiceFonts> {
  const { regular, bold } = fonts ?? (await loadAssets());
  doc.registerFontkit(unshapedFontkit);
  return { regular: await doc.embedFont(regular, { subset: true }), bold: await doc.embedFont(bold, { subset: true }) };
}

// ---------------------------------------------------------------- assets, loaded once

interface Assets {
  regular: Uint8Array;
  bold: Uint8Array;
  icc: Uint8Array;
}

/** cms/assets, whether this runs from cms/src (tests) or from cms/dist/src (the built app). */
function assetsDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'assets', 'fonts'))) return path.join(dir, 'assets');
    if (path.dirname(dir) === dir) throw new Error(`No assets/fonts folder above ${__dirname}: the invoice fonts are missing`);
  }
}

let assets: Promise<Assets> | undefined;

function loadAssets(): Promise<Assets> {
  assets ??= (async () => {
    const dir = assetsDir();
    const [regular, bold, icc] = await Promise.all(['fonts/Inter-Regular.ttf', 'fonts/Inter-Bold.ttf', 'sRGB2014.icc'].map((file) => readFile(path.join(dir, file))));
    return { regular, bold, icc };
  })().catch((error: unknown) => {
    assets = undefined; // let the next invoice try again
    throw error;
  });
  return assets;
}

// ---------------------------------------------------------------- PDF/A-3b

interface Metadata {
  title: string;
  author: string;
  subject: string;
  /** One instant, whole seconds: Info and XMP must agree. */
  date: Date;
}

function metadataOf(snapshot: InvoiceSnapshot, issuedAt?: Date): Metadata {
  const instant = issuedAt ?? new Date(`${snapshot.issueDate}T12:00:00Z`);
  const title = `${(snapshot.kind === 'invoice' ? TEXTS.invoice : TEXTS.creditNote).fr} ${snapshot.number}`;
  return {
    title,
    author: snapshot.seller.legalName,
    subject: `${title} — ${snapshot.buyer.legalName}`,
    date: new Date(Math.floor(instant.getTime() / 1000) * 1000),
  };
}

function setInfo(doc: PDFDocument, metadata: Metadata) {
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  doc.setSubject(metadata.subject);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setCreationDate(metadata.date);
  doc.setModificationDate(metadata.date);
  doc.setLanguage('fr-FR');
}

/** Colours are device RGB: PDF/A wants the profile they mean. */
function addOutputIntent(doc: PDFDocument, icc: Uint8Array) {
  const { context } = doc;
  const profile = context.register(context.flateStream(icc, { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(OUTPUT_CONDITION),
    Info: PDFString.of(OUTPUT_CONDITION),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
}

/** Uncompressed and given as bytes, as PDF/A wants its metadata stream. */
function addXmp(doc: PDFDocument, metadata: Metadata) {
  const stream = doc.context.stream(new TextEncoder().encode(xmp(metadata)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "2026-12-04T12:00:00Z": the XMP form of the Info dates pdf-lib writes (D:20261204120000Z). */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The Factur-X extension schema's four properties (all external text). */
const FX_PROPERTIES = {
  DocumentFileName: 'The name of the embedded XML document',
  DocumentType: 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER',
  Version: 'The actual version of the standard applying to the embedded XML document',
  ConformanceLevel: 'The conformance level of the embedded XML document',
};

/** The XMP packet: PDF/A-3b identification, the Info fields again, and the Factur-X fields with their schema. */
function xmp(metadata: Metadata): string {
  const date = xmpDate(metadata.date);
  const properties = Object.entries(FX_PROPERTIES)
    .map(
      ([name, description]) =>
        `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${description}</pdfaProperty:description></rdf:li>`,
    )
    .join('\n      ');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(metadata.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${escapeXml(metadata.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(metadata.subject)}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${PRODUCER}</pdf:Producer>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>${PRODUCER}</xmp:CreatorTool>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>fx</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
      ${properties}
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
   <fx:DocumentType>INVOICE</fx:DocumentType>
   <fx:DocumentFileName>${FILE_NAME}</fx:DocumentFileName>
   <fx:Version>1.0</fx:Version>
   <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
