import Handlebars from 'handlebars';
import { formatDate, formatDateTime, formatEuros, formatUnits } from '@ventalis/contracts/format';
import { LOCALES, type Locale } from '@ventalis/contracts/locale';

/** One email as Handlebars sources: a subject, a plain-text body and an HTML body. */
export interface MailTemplate {
  subject: string;
  text: string;
  html: string;
}

/** The same email in every language Ventalis speaks. */
export type Localized<T> = Record<Locale, T>;

/** A fragment several templates share (order lines, totals), in both forms. */
export type MailPartial = Omit<MailTemplate, 'subject'>;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The HTML frame every email body is placed in; it receives `subject`, `lang` and the rendered `body`. */
export interface MailLayout {
  html: string;
}

// A web address ends before a space, a quote or an angle bracket, and not on punctuation.
const WEB_ADDRESS = /https?:\/\/[^\s<>"'`]*[^\s<>"'`.,;:!?)]/g;

/** Escapes every piece of the text, then links the web addresses found in the original. */
function textToHtml(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const address = Handlebars.escapeExpression(match[0]);
    html += `${Handlebars.escapeExpression(text.slice(last, match.index))}<a href="${address}">${address}</a>`;
    last = match.index + match[0].length;
  }
  html += Handlebars.escapeExpression(text.slice(last));
  return html.replace(/\r?\n/g, '<br>');
}

/**
 * Text and HTML are rendered by two Handlebars environments per language: HTML escapes every
 * value (product names, comments and names come from people), text escapes nothing; money,
 * quantities and dates are written for the language. Partials are compiled per environment
 * up front, because Handlebars would otherwise compile a partial once with the options of
 * whichever template used it first.
 */
function environment(escape: boolean, locale: Locale) {
  const env = Handlebars.create();
  // strict: a value missing from the data is a bug in the caller, not an empty string in a mail.
  const compile = (source: string) => env.compile(source, { strict: true, noEscape: !escape });
  env.registerHelper('euros', (cents: number) => formatEuros(cents, locale));
  env.registerHelper('units', (quantity: number) => formatUnits(quantity, locale));
  env.registerHelper('dateTime', (iso: string) => formatDateTime(iso, locale));
  env.registerHelper('date', (iso: string) => formatDate(iso, locale));
  /** A person's text in HTML: escaped, line breaks kept, web addresses made links. */
  env.registerHelper('paragraphs', (text: string) => (escape ? new Handlebars.SafeString(textToHtml(text)) : text));
  return { env, compile };
}

const environments = Object.fromEntries(LOCALES.map((locale) => [locale, { text: environment(false, locale), html: environment(true, locale) }])) as Localized<{
  text: ReturnType<typeof environment>;
  html: ReturnType<typeof environment>;
}>;

export function registerMailPartial(name: string, partial: Localized<MailPartial>) {
  for (const locale of LOCALES) {
    const { text, html } = environments[locale];
    text.env.registerPartial(name, text.compile(partial[locale].text));
    html.env.registerPartial(name, html.compile(partial[locale].html));
  }
}

/** Compiles a template once per language; the result renders it with typed data inside the layout. */
export function compileMail<Data extends object>(template: Localized<MailTemplate>, layout: MailLayout): (locale: Locale, data: Data) => RenderedMail {
  const compiled = Object.fromEntries(
    LOCALES.map((locale) => {
      const { text, html } = environments[locale];
      return [locale, { subject: text.compile(template[locale].subject), body: text.compile(template[locale].text), htmlBody: html.compile(template[locale].html), frame: html.compile(layout.html) }];
    }),
  ) as Localized<{ subject: Handlebars.TemplateDelegate; body: Handlebars.TemplateDelegate; htmlBody: Handlebars.TemplateDelegate; frame: Handlebars.TemplateDelegate }>;
  return (locale, data) => {
    const { subject, body, htmlBody, frame } = compiled[locale];
    // A subject is one line, whatever the data held.
    const renderedSubject = subject(data).replace(/\s+/g, ' ').trim();
    return {
      subject: renderedSubject,
      text: body(data),
      html: frame({ subject: renderedSubject, lang: locale, body: new Handlebars.SafeString(htmlBody(data)) }),
    };
  };
}
