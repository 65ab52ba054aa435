/**
 * Every word a person reads comes from the message catalogue: this scan of the storefront's
 * components fails on literal text left in them (text between tags, the attributes people
 * read or hear — placeholder, title, aria-label, alt, a submit button's value, a field's
 * label or hint — and string literals written out in the page), and on sentences written
 * out in server code (an error page's message, a form's error).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = import.meta.dirname;

/**
 * Files whose text is still being moved into the catalogue. This list only shrinks: a file
 * leaves it when its last literal goes, and the test says so when a listed file is clean.
 */
const NOT_YET_TRANSLATED = new Set<string>([
]);

/** Attributes a person reads or hears, on elements and on components (Field's label, hint). */
const READ_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'alt', 'label', 'hint']);

const letters = /\p{L}/u;
/** A string literal that reads as words (a capital, or a space before a letter), not an id like 'en' or 'page'. */
const wordy = (text: string) => /\p{Lu}|\s\p{L}/u.test(text);

interface Node {
  type?: string;
  name?: string;
  start?: number;
  [key: string]: unknown;
}

function filesUnder(dir: string, extension: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : filesUnder(full, extension);
    return extension.test(entry.name) ? [full] : [];
  });
}

const lineOf = (source: string, offset: number | undefined) => (offset === undefined ? '?' : source.slice(0, offset).split('\n').length);

/** String literals written out in an expression ('Out of stock', `${n} available`). */
function literalsIn(expression: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'Literal' && typeof n.value === 'string' && letters.test(n.value) && wordy(n.value)) found.push(n.value);
    if (n.type === 'TemplateElement') {
      const cooked = (n.value as { cooked?: string } | undefined)?.cooked ?? '';
      if (letters.test(cooked) && wordy(cooked)) found.push(cooked);
    }
    // Calls are where literals are arguments, not text (m.key({ … }), localizeHref('/x')), and
    // a comparison's literal is a value to compare with ('Not Found', SvelteKit's own message).
    if (n.type === 'CallExpression') return;
    if (n.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(n.operator as string)) return;
    for (const [key, value] of Object.entries(n)) if (key !== 'metadata' && key !== 'loc') visit(value);
  };
  visit(expression);
  return found;
}

/** The literal text of a component's markup, as "line: text". */
export function literalText(source: string): string[] {
  const ast = parse(source, { modern: true });
  const found: string[] = [];
  const report = (at: number | undefined, text: string) => found.push(`${lineOf(source, at)}: ${text.trim().replace(/\s+/g, ' ')}`);

  const visit = (node: unknown, inputType?: string) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((child) => visit(child));
    const n = node as Node;
    if (n.type === 'Text' && typeof n.data === 'string' && letters.test(n.data)) report(n.start, n.data);
    if (n.type === 'ExpressionTag') for (const text of literalsIn(n.expression)) report(n.start, text);
    if (n.type === 'RegularElement' || n.type === 'Component' || n.type === 'SvelteElement') {
      const attributes = (n.attributes as Node[] | undefined) ?? [];
      const type = attributes.find((a) => a.name === 'type');
      const typeText = Array.isArray(type?.value) ? (type.value as Node[]).map((v) => v.data ?? '').join('') : undefined;
      for (const attribute of attributes) {
        if (attribute.type !== 'Attribute' || !attribute.name) continue;
        const read = READ_ATTRIBUTES.has(attribute.name) || (attribute.name === 'value' && n.name === 'input' && (typeText === 'submit' || typeText === 'button'));
        if (!read) continue;
        const parts = (Array.isArray(attribute.value) ? attribute.value : [attribute.value]) as Node[];
        for (const part of parts) {
          if (part?.type === 'Text' && typeof part.data === 'string' && letters.test(part.data)) report(part.start, `${attribute.name}="${part.data}"`);
          if (part?.type === 'ExpressionTag') for (const text of literalsIn(part.expression)) report(part.start, `${attribute.name}={'${text}'}`);
        }
      }
      visit(n.fragment, typeText);
      return;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'metadata' && key !== 'loc' && key !== 'expression' && key !== 'attributes') visit(value, inputType);
  };
  visit(ast.fragment);
  return found;
}

/**
 * Sentences written out in server code ('No order of yours has this reference', a form's
 * error): a capital, then words. Log lines and thrown Errors are for developers, not people.
 */
export function literalSentences(source: string): string[] {
  const file = ts.createSourceFile('code.ts', source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const sentence = (text: string) => /^\p{Lu}[^\n]*\s\p{L}/u.test(text);
  const forDevelopers = (node: ts.Node): boolean => {
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (ts.isNewExpression(parent) && /Error$/.test(parent.expression.getText(file))) return true;
      if (ts.isCallExpression(parent) && /^(console\.\w+|process\.stderr\.write)$/.test(parent.expression.getText(file))) return true;
      if (ts.isImportDeclaration(parent)) return true;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? node.head.text : undefined;
    if (text !== undefined && sentence(text) && !forDevelopers(node)) found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const components = filesUnder(root, /\.svelte$/);
const serverCode = filesUnder(path.join(root, 'routes'), /\.ts$/).concat(filesUnder(path.join(root, 'lib', 'server'), /\.ts$/)).filter((file) => !file.endsWith('.spec.ts'));
const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
// Answers to machines (media, webhooks, previews, the chat ticket) are not pages, and the cms
// client's own sentences are the cms' English, which #lib/errors.ts words from codes.
const MACHINE_CODE = /^(routes\/(api|uploads|healthz|readyz|metrics|messages\/ticket)\/|lib\/server\/(cms|webhook|observability)\.ts$)/;

describe('literal text in the storefront', () => {
  it('finds text, read attributes and written-out strings, and leaves expressions and messages alone', () => {
    const found = literalText(
      `<script>let x = 1;</script><svelte:head><title>Orders · {x}</title></svelte:head>
<p title="Your cart" aria-label={m.cart()}>{x ? 'Out of stock' : m.available()} {formatEuros(x, 'en')}</p>
<input type="submit" value="Send" /><input name="q" value="box" /><Field label="Quantity" hint={m.hint()} />
<span aria-hidden="true">×</span> {#if x}<b>{m.yes()}</b>{:else}No{/if}`,
    );
    expect(found).toEqual(['1: Orders ·', '2: title="Your cart"', "2: Out of stock", '3: value="Send"', '3: label="Quantity"', '4: No']);
    const server = `import x from 'A b';\nerror(404, 'No such product'); error(404, m.product_not_found());\nconst NOT_FOUND = 'No order of yours';\nconsole.error('Cms down: retrying'); throw new CmsError('Cms said no');\nfail(400, { errors: { _: \`Only a few left: \${n}\` } }); headers['content-type'] = 'application/json';`;
    expect(literalSentences(server)).toEqual(['2: No such product', '3: No order of yours', '5: Only a few left: ']);
  });

  const translated = components.filter((file) => !NOT_YET_TRANSLATED.has(relative(file)));
  it.each(translated.map(relative))('%s has no literal text', (file) => {
    expect(literalText(readFileSync(path.join(root, file), 'utf8'))).toEqual([]);
  });

  const pages = serverCode.filter((file) => !NOT_YET_TRANSLATED.has(relative(file)) && !MACHINE_CODE.test(relative(file)));
  it.each(pages.map(relative))('%s writes out no sentence', (file) => {
    expect(literalSentences(readFileSync(path.join(root, file), 'utf8'))).toEqual([]);
  });

  it('lists only files that still have literal text', () => {
    const all = [...components, ...serverCode];
    const clean = [...NOT_YET_TRANSLATED].filter((name) => {
      const file = all.find((candidate) => relative(candidate) === name);
      if (!file) return true;
      const source = readFileSync(file, 'utf8');
      return (file.endsWith('.svelte') ? literalText(source) : literalSentences(source)).length === 0;
    });
    expect(clean, 'translated (or gone): remove from NOT_YET_TRANSLATED').toEqual([]);
  });
});
