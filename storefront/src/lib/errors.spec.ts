import { fieldCodes, fieldErrors, messageBodySchema, noteSchema, statusChangeSchema } from '@ventalis/contracts';
import { describe, expect, it } from 'vitest';
import { wordFields } from './errors.ts';
import { THOUSANDS_SEPARATOR } from './format.ts';
import { m } from './paraglide/messages.js';

/** A form's own check, as the pages run it: the shared schema, then each field worded. */
function check(schema: typeof statusChangeSchema | typeof noteSchema | typeof messageBodySchema, input: Record<string, string>, own = {}, locale: 'fr' | 'en' = 'fr') {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  return wordFields(fieldCodes(parsed.error, input), fieldErrors(parsed.error), own, locale);
}

describe("a form's own refusals, worded in the page's language", () => {
  const statusWording = { comment: { 'text.required': m.consultant_comment_required, 'text.too_long': m.consultant_comment_too_long } };

  it("uses the page's own message for a field where it has one", () => {
    expect(check(statusChangeSchema, { status: 'in_progress', comment: '   ' }, statusWording, 'fr')).toEqual({ comment: 'Un commentaire pour le client est obligatoire' });
    expect(check(statusChangeSchema, { status: 'in_progress', comment: '' }, statusWording, 'en')).toEqual({ comment: 'A comment for the client is required' });
  });

  it("writes the code's numbers the locale's way", () => {
    const long = 'x'.repeat(2001);
    expect(check(statusChangeSchema, { status: 'shipped', comment: long }, statusWording, 'fr')).toEqual({ comment: `Un commentaire fait au plus 2${THOUSANDS_SEPARATOR}000 caractères` });
    expect(check(statusChangeSchema, { status: 'shipped', comment: long }, statusWording, 'en')).toEqual({ comment: 'A comment is at most 2,000 characters' });
  });

  it("falls back on the catalogue's message for the code", () => {
    // A control character: no wording of the page's own, the catalogue's for text.control_characters.
    expect(check(noteSchema, { body: 'a\u0007b' }, {}, 'fr').body).toMatch(/^Retirez les caractères de contrôle/);
    // status is a fixed list: without a wording of the page's own, the catalogue's for value.not_allowed.
    expect(check(statusChangeSchema, { status: 'teleported', comment: 'ok' }, {}, 'en')).toEqual({ status: expect.stringContaining('Choose one of the values offered') });
    expect(check(statusChangeSchema, { status: 'teleported', comment: 'ok' }, { status: { 'value.not_allowed': m.consultant_status_choose } }, 'fr')).toEqual({ status: 'Choisissez le nouveau statut de la commande' });
  });

  it('says nothing when the form is valid, and nothing for the request as a whole', () => {
    expect(check(messageBodySchema, { body: 'Bonjour' })).toEqual({});
    expect(Object.keys(check(messageBodySchema, { body: '' }))).toEqual(['body']);
  });
});
