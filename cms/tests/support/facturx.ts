import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString } from 'pdf-lib';

/**
 * The independent EN 16931 checker (../shared/facturx: the official business rules for CII and
 * the CII D16B schema through xmllint), and how to take the XML back out of a Factur-X PDF.
 */
export interface CiiReport {
  ok: boolean;
  fatal: { id: string; text: string; location: string | null }[];
  xsd: { checked: boolean; ok: boolean | null; errors: string[] };
}

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const WORKPLACE_CHECKER = '/work/shared/facturx/validate.mjs';

/**
 * FACTURX_CHECKER when set; else `shared/` beside the repository or beside one of its parents
 * (CI lays a copy beside its clone); else the workplace's own copy. Never skipped: a test that
 * cannot find it fails, saying where it looked.
 */
export function checkerPath(): string {
  const fromEnv = process.env.FACTURX_CHECKER;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FACTURX_CHECKER=${fromEnv} does not exist`);
    return fromEnv;
  }
  const candidates: string[] = [];
  for (let dir = REPO_ROOT; ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, '..', 'shared', 'facturx', 'validate.mjs'));
    if (path.dirname(dir) === dir) break;
  }
  candidates.push(WORKPLACE_CHECKER);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`The Factur-X checker shared/facturx/validate.mjs was not found (looked at ${candidates.join(', ')}): set FACTURX_CHECKER`);
  return found;
}

let checker: Promise<{ validateCii(xml: string): Promise<CiiReport> }> | undefined;

export async function validateCii(xml: string): Promise<CiiReport> {
  checker ??= import(pathToFileURL(checkerPath()).href);
  return (await checker).validateCii(xml);
}

export const streamBytes = (stream: PDFStream): Uint8Array => (stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : (stream as unknown as { getContents(): Uint8Array }).getContents());
export const streamText = (stream: PDFStream) => new TextDecoder().decode(streamBytes(stream));

/** The file specification of the embedded file `name` (pdf-lib writes a flat name tree). */
export function embeddedFileSpec(doc: PDFDocument, name = 'factur-x.xml'): PDFDict {
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  for (let i = 0; i < names.size(); i += 2) {
    if ((names.lookup(i) as PDFHexString | PDFString).decodeText() === name) return names.lookup(i + 1, PDFDict);
  }
  throw new Error(`No embedded file named ${name}`);
}

/** The embedded file a file specification points to. */
export const embeddedFile = (spec: PDFDict) => spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream);

/** The Factur-X XML a PDF carries. */
export async function extractFacturX(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return streamText(embeddedFile(embeddedFileSpec(doc)));
}
