import Handlebars from 'handlebars';
import { formatEuros, formatUnits } from '@ventalis/contracts';

/** One email as Handlebars sources: a subject, a plain-text body and an HTML body. */
export interface MailTemplate {
  subject: string;
  text: string;
  html: string;
}

/** A fragment several templates share (order lines, totals), in both forms. */
export type MailPartial = Omit<MailTemplate, 'subject'>;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The HTML frame every email body is placed in; it receives `subject` and the rendered `body`. */
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
 * Text and HTML are rendered by two Handlebars environments: HTML escapes every value
 * (product names, comments and names come from people), text escapes nothing. Partials are
 * compiled per environment up front, because Handlebars would otherwise compile a partial
 * once with the options of whichever template used it first.
 */
function environment(escape: boolean) {
  const env = Handlebars.create();
  // strict: a value missing from the data is a bug in the caller, not an empty string in a mail.
  const compile = (source: string) => env.compile(source, { strict: true, noEscape: !escape });
  env.registerHelper('euros', (cents: number) => formatEuros(cents));
  env.registerHelper('units', (quantity: number) => formatUnits(quantity));
  /** A person's text in HTML: escaped, line breaks kept, web addresses made links. */
  env.registerHelper('paragraphs', (text: string) => (escape ? new Handlebars.SafeString(textToHtml(text)) : text));
  return { env, compile };
}

const text = environment(false);
const html = environment(true);

export function registerMailPartial(name: string, partial: MailPartial) {
  text.env.registerPartial(name, text.compile(partial.text));
  html.env.registerPartial(name, html.compile(partial.html));
}

/** Compiles a template once; the result renders it with typed data inside the layout. */
export function compileMail<Data extends object>(template: MailTemplate, layout: MailLayout): (data: Data) => RenderedMail {
  const subject = text.compile(template.subject);
  const body = text.compile(template.text);
  const htmlBody = html.compile(template.html);
  const frame = html.compile(layout.html);
  return (data) => {
    // A subject is one line, whatever the data held.
    const renderedSubject = subject(data).replace(/\s+/g, ' ').trim();
    return {
      subject: renderedSubject,
      text: body(data),
      html: frame({ subject: renderedSubject, body: new Handlebars.SafeString(htmlBody(data)) }),
    };
  };
}
