import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { createIntl } from 'react-intl';
import { describe, expect, test } from 'vitest';
import { CHAT_ERROR_CODES } from '@ventalis/contracts';
import { chatRefusalText } from '../plugins/messages/admin/src/texts';

/**
 * Ventalis' own panel pages speak French and English: every word a person reads comes from the
 * translation files of its folder through react-intl, and both files word every id the sources use.
 */
const AREAS = [
  { name: 'Portfolios and the panel entry', sources: path.join(import.meta.dirname), translations: path.join(import.meta.dirname, 'translations') },
  {
    name: 'Messages plugin',
    sources: path.join(import.meta.dirname, '..', 'plugins', 'messages', 'admin', 'src'),
    translations: path.join(import.meta.dirname, '..', 'plugins', 'messages', 'admin', 'src', 'translations'),
  },
];
const LANGUAGES = ['en', 'fr'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
const translationsOf = (dir: string, languages: readonly string[] = LANGUAGES) =>
  Object.fromEntries(languages.map((language) => [language, JSON.parse(readFileSync(path.join(dir, `${language}.json`), 'utf8')) as Record<string, string>])) as Record<
    (typeof LANGUAGES)[number],
    Record<string, string>
  >;

/** The ids of message descriptors written in a source (`id: 'messages.thread.send'`), with their defaultMessage if any. */
function descriptorsIn(source: string) {
  const found: { id: string; defaultMessage?: string }[] = [];
  for (const match of source.matchAll(/\bid:\s*'([^']*\.[^']*)'(?:,\s*defaultMessage:\s*'([^']*)')?/g)) found.push({ id: match[1]!, defaultMessage: match[2] });
  return found;
}

/** The names of the ICU arguments of a message: `{name}`, `{count, plural, one {…} other {…}}`, `{max, number}`. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  let at = 0;
  const word = () => {
    const match = /^\s*([\w=-]+)\s*/.exec(message.slice(at));
    at += match?.[0].length ?? 0;
    return match?.[1] ?? '';
  };
  /** A message up to the `}` that closes it (or the end). */
  const text = (): void => {
    while (at < message.length && message[at] !== '}') {
      if (message[at++] !== '{') continue;
      names.add(word());
      if (message[at] === ',') {
        at++;
        const type = word();
        if (['plural', 'select', 'selectordinal'].includes(type)) {
          if (message[at] === ',') at++;
          // Options: `key {message}` until the argument closes.
          while (at < message.length && message[at] !== '}') {
            if (!word() || message[at] !== '{') break;
            at++;
            text();
            at++;
            while (/\s/.test(message[at] ?? '')) at++;
          }
        } else while (at < message.length && message[at] !== '}') at++;
      }
      at++;
    }
  };
  text();
  return [...names].sort();
}

describe.each(AREAS)('$name', ({ sources, translations }) => {
  const files = sourceFiles(sources);
  const words = translationsOf(translations);
  const used = files.flatMap((file) => descriptorsIn(readFileSync(file, 'utf8')).map((d) => ({ ...d, file: path.relative(sources, file) })));

  test('the sources use translation ids', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(used.length).toBeGreaterThan(5);
  });

  test.each(LANGUAGES)('every id the sources use is worded in %s', (language) => {
    const missing = used.filter(({ id }) => !words[language][id]?.trim()).map(({ id, file }) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  test('French and English word the same ids, each used by a source, with the same arguments', () => {
    expect(Object.keys(words.fr).sort()).toEqual(Object.keys(words.en).sort());
    const ids = new Set(used.map(({ id }) => id));
    expect(Object.keys(words.en).filter((id) => !ids.has(id))).toEqual([]);
    for (const id of Object.keys(words.en)) expect({ id, arguments: argumentsOf(words.fr[id] ?? '') }).toEqual({ id, arguments: argumentsOf(words.en[id]!) });
  });

  test('a default message written in a source is the English one', () => {
    for (const { id, defaultMessage } of used.filter((d) => d.defaultMessage !== undefined)) expect({ id, defaultMessage }).toEqual({ id, defaultMessage: words.en[id] });
  });

  test.each(LANGUAGES)('every %s message formats (valid ICU syntax)', (language) => {
    const errors: string[] = [];
    const intl = createIntl({ locale: language, messages: words[language], onError: (error) => errors.push(String(error)) });
    for (const id of Object.keys(words[language])) intl.formatMessage({ id }, { name: 'Ada', count: 2, reference: 'VEN-1', max: 4000, employeeNumber: 'C-1' });
    expect(errors).toEqual([]);
  });

  test('a dynamic id would escape this check: ids are written out', () => {
    const dynamic = files.filter((file) => /\bid:\s*`|formatMessage\(\s*\{\s*id:\s*[^'\s]/.test(readFileSync(file, 'utf8'))).map((file) => path.relative(sources, file));
    expect(dynamic).toEqual([]);
  });

  test('no user-visible literal text is left outside the translations', () => {
    const found = files.flatMap((file) => visibleLiterals(readFileSync(file, 'utf8'), file).map((literal) => `${path.relative(sources, file)}: ${literal}`));
    expect(found).toEqual([]);
  });
});

test('French typography: a no-break space before « : ; ? ! » and after «, no ASCII apostrophe', () => {
  for (const translations of [...AREAS.map((area) => area.translations), CONTENT_TRANSLATIONS, path.join(import.meta.dirname, 'translations', 'strapi')]) {
    for (const [id, message] of Object.entries(translationsOf(translations, ['fr']).fr)) {
      expect({ id, bareSpaceAfterGuillemet: /« /.test(message) }).toEqual({ id, bareSpaceAfterGuillemet: false });
      expect({ id, bareSpaceBeforePunctuation: / [:;?!»]/.test(message), asciiApostrophe: message.includes("'") }).toEqual({ id, bareSpaceBeforePunctuation: false, asciiApostrophe: false });
    }
  }
});

test("every refusal the chat-server may answer is worded on the Messages page", () => {
  expect(Object.keys(chatRefusalText).sort()).toEqual([...CHAT_ERROR_CODES].sort());
});

/**
 * The content marketers and consultants edit, named in both languages in the Content Manager:
 * each type (by its display name), each of its fields, and each block of the pages (by uid).
 */
const CONTENT_TRANSLATIONS = path.join(import.meta.dirname, 'translations', 'content');
const CONTENT_TYPES = ['home-page', 'commitment-page', 'product', 'category', 'eco-label', 'seller'];
/** The other types of the Content Manager's menu (administrators), by name only. */
const NAMED_TYPES = ['consultant/consultant', 'inquiry/inquiry', 'order/order', 'order/order-note', 'order/order-event', 'company/company', 'company/join-request', 'company/invitation', 'company/price-agreement', 'document/invoice', 'document/transfer', 'document/credit-note', 'quote/quote', 'quote/quote-event'];
const CMS_SRC = path.join(import.meta.dirname, '..');
const schemaOf = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { info: { displayName: string }; attributes: Record<string, { visible?: boolean }> };

describe('the names of the edited content', () => {
  const words = translationsOf(CONTENT_TRANSLATIONS);
  const expected: Record<string, string | null> = {};
  for (const type of CONTENT_TYPES) {
    const schema = schemaOf(path.join(CMS_SRC, 'api', type, 'content-types', type, 'schema.json'));
    expected[schema.info.displayName] = schema.info.displayName;
    // Fields the Content Manager does not show (`visible: false`) need no name.
    for (const [field, attribute] of Object.entries(schema.attributes)) {
      if (attribute.visible !== false) expected[`content-manager.content-types.api::${type}.${type}.${field}`] = null;
    }
  }
  for (const named of NAMED_TYPES) {
    const [api, type] = named.split('/');
    const { displayName } = schemaOf(path.join(CMS_SRC, 'api', api!, 'content-types', type!, 'schema.json')).info;
    expected[displayName] = displayName;
  }
  const user = schemaOf(path.join(CMS_SRC, 'extensions', 'users-permissions', 'content-types', 'user', 'schema.json')).info.displayName;
  expected[user] = user;
  for (const file of readdirSync(path.join(CMS_SRC, 'components', 'blocks'))) {
    expected[`blocks.${file.replace(/\.json$/, '')}`] = schemaOf(path.join(CMS_SRC, 'components', 'blocks', file)).info.displayName;
  }

  test.each(LANGUAGES)('every type, field and block is named in %s, and nothing else', (language) => {
    expect(Object.keys(words[language]).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, message] of Object.entries(words[language])) expect({ id, empty: !message.trim() }).toEqual({ id, empty: false });
  });

  test('in English, types and blocks keep the names their schemas give them', () => {
    for (const [id, name] of Object.entries(expected)) if (name !== null) expect({ id, name: words.en[id] }).toEqual({ id, name });
  });
});

/** Strapi's own English, per plugin, where the French complement of translations/strapi/fr.json belongs. */
const STRAPI = path.join(import.meta.dirname, '..', '..', '..', 'node_modules', '@strapi');
const STRAPI_ENGLISH: { prefix: string; file: string }[] = [
  { prefix: '', file: path.join(STRAPI, 'admin', 'dist', 'admin', 'admin', 'src', 'translations', 'en.json.mjs') },
  { prefix: 'content-manager.', file: path.join(STRAPI, 'content-manager', 'dist', 'admin', 'translations', 'en.json.mjs') },
  { prefix: 'i18n.', file: path.join(STRAPI, 'i18n', 'dist', 'admin', 'translations', 'en.json.mjs') },
];

describe("the French Strapi lacks, where marketers and consultants work", () => {
  const french = translationsOf(path.join(import.meta.dirname, 'translations', 'strapi'), ['fr']).fr;

  test('words strings Strapi has in English, with the same arguments', async () => {
    const english: Record<string, string> = {};
    for (const { prefix, file } of STRAPI_ENGLISH) {
      const words = (await import(pathToFileURL(file).href)).default as Record<string, string>;
      for (const [id, message] of Object.entries(words)) english[`${prefix}${id}`] = message;
    }
    expect(Object.keys(french).filter((id) => !(id in english))).toEqual([]);
    for (const [id, message] of Object.entries(french)) expect({ id, arguments: argumentsOf(message) }).toEqual({ id, arguments: argumentsOf(english[id]!) });
  });

  test('the preview and the language picker are in French', () => {
    for (const id of ['content-manager.preview.panel.button', 'content-manager.preview.header.close', 'i18n.CMEditViewLocalePicker.locale.create', 'i18n.list-view.table.header.label']) expect(french[id]).toBeTruthy();
  });

  test('every message formats (valid ICU syntax)', () => {
    const errors: string[] = [];
    const intl = createIntl({ locale: 'fr', messages: french, onError: (error) => errors.push(String(error)) });
    const values = { number: 2, count: 2, entities: 3, publishedCount: 1, draftCount: 2, withErrorsCount: 0, maxValue: 10, min: 1, max: 10, locale: 'en', locales: 'fr', time: 'hier', author: 'Ada', isAnonymous: 'false', isLocalized: 'true', isCurrent: 'true', hasLocale: 'true', subtitle: 'v1', distanceToNow: 'hier', contentType: 'Produit', divider: ' / ', unit: '', br: '', description: '', b: (chunks: unknown) => chunks, bold: (chunks: unknown) => chunks, em: (chunks: unknown) => chunks };
    for (const id of Object.keys(french)) intl.formatMessage({ id }, values as never);
    expect(errors).toEqual([]);
  });
});

/** Attributes whose text a person reads or hears. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'subtitle', 'label', 'placeholder', 'alt', 'hint', 'error', 'description', 'message', 'aria-label', 'aria-description', 'aria-placeholder', 'aria-valuetext', 'aria-roledescription']);
const HAS_LETTER = /\p{L}/u;
const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.InKeyword,
  ts.SyntaxKind.InstanceOfKeyword,
]);
/** A literal that reads as words ("Open orders"), wherever it is written. */
const WORDS = /\p{L}{2,}[\s\u00a0]+\p{L}{2,}/u;

/**
 * The literal texts of a source that a person would read: JSX text, visible attributes and
 * strings rendered from JSX expressions that contain letters, and any literal that reads as
 * words outside imports, descriptors (`id`, `defaultMessage`) and developer errors.
 */
export function visibleLiterals(source: string, fileName = 'source.tsx'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const literalTexts = (node: ts.Node): string[] => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
    return [];
  };
  /** Strings a JSX expression renders: its literals, except those it only compares or passes to calls. */
  const rendered = (node: ts.Node) => {
    const visit = (child: ts.Node): void => {
      if (ts.isCallExpression(child) || (ts.isBinaryExpression(child) && COMPARISONS.has(child.operatorToken.kind))) return;
      if (ts.isJsxElement(child) || ts.isJsxSelfClosingElement(child) || ts.isJsxFragment(child)) return;
      for (const text of literalTexts(child)) if (HAS_LETTER.test(text)) found.push(text.trim());
      if (ts.isTemplateExpression(child)) child.templateSpans.forEach((span) => visit(span.expression));
      else ts.forEachChild(child, visit);
    };
    visit(node);
  };
  const insideExempt = (node: ts.Node): boolean => {
    for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
      if (ts.isImportDeclaration(at) || ts.isExportDeclaration(at)) return true;
      if (ts.isPropertyAssignment(at) && ts.isIdentifier(at.name) && ['id', 'defaultMessage'].includes(at.name.text) && at.initializer === node) return true;
      if (ts.isNewExpression(at) && ts.isIdentifier(at.expression) && /Error$/.test(at.expression.text)) return true;
      if (ts.isCallExpression(at) && ts.isPropertyAccessExpression(at.expression) && ts.isIdentifier(at.expression.expression) && at.expression.expression.text === 'console') return true;
    }
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) found.push(node.text.trim());
    else if (ts.isJsxAttribute(node) && node.initializer && VISIBLE_ATTRIBUTES.has(node.name.getText(file))) {
      if (ts.isStringLiteral(node.initializer) && HAS_LETTER.test(node.initializer.text)) found.push(node.initializer.text);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) rendered(node.initializer.expression);
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) rendered(node.expression);
    else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && !insideExempt(node)) {
      if (literalTexts(node).some((text) => WORDS.test(text))) found.push(node.getText(file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...new Set(found)];
}

test('the arguments of a message are told from the words of its plural and select branches', () => {
  expect(argumentsOf('{name} is typing…')).toEqual(['name']);
  expect(argumentsOf('A message is at most {max, number} characters')).toEqual(['max']);
  expect(argumentsOf('<b>{publishedCount}</b> {publishedCount, plural, =0 {entries} one {entry} other {entries}} and {draftCount}')).toEqual(['draftCount', 'publishedCount']);
  expect(argumentsOf('{count, plural, one {# link to {target}} other {# links}}{isAnonymous, select, true {} other { by {author}}}')).toEqual(['author', 'count', 'isAnonymous', 'target']);
});

describe('the scan of literal texts', () => {
  test('finds texts left in JSX, in visible attributes, rendered from expressions, and sentences anywhere', () => {
    const source = `
      const NOT_SENT = 'The message could not be sent';
      export const Page = ({ n, who }) => (
        <Box title="Conversations">
          Choose a conversation
          <Typography>{n > 1 ? 'Seen' : ''}</Typography>
          <Typography>{who ? \`\${who} is typing\` : null}</Typography>
          <Button aria-label={n ? 'Send' : 'Retry'} variant="ghost" />
          {n === 0 && 'Nobody yet'}
        </Box>
      );`;
    expect(visibleLiterals(source, 'page.tsx')).toEqual(expect.arrayContaining(["'The message could not be sent'", 'Conversations', 'Choose a conversation', 'Seen', 'is typing', 'Send', 'Retry', 'Nobody yet']));
  });

  test('leaves alone what no person reads: descriptors, variants, comparisons, imports, developer errors', () => {
    const source = `
      import { Box } from '@strapi/design-system';
      const own = defineMessages({ send: { id: 'messages.thread.send' } });
      const link = { id: 'ventalis.portfolios', defaultMessage: 'Open portfolios' };
      export const Page = ({ status }) => (
        <Box tag="span" variant={status === 'connected' ? 'success' : 'neutral'} data-testid="live-status" textColor="neutral600">
          {formatMessage(own.send)} · {status === 'open' && formatMessage(link)}
        </Box>
      );
      if (!own) throw new Error('descriptors are missing here');`;
    expect(visibleLiterals(source, 'page.tsx')).toEqual([]);
  });
});
