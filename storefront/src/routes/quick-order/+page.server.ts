import { wordError } from '#lib/errors.ts';
import { refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event, 'customer');
  return {};
};

export const actions: Actions = {
  /** Sends what was typed, or the chosen file, to the cms, which reads and checks each line. */
  default: async (event) => {
    const { jwt } = requireRole(event, 'customer');
    const form = await event.request.formData();
    const lines = String(form.get('lines') ?? '');
    const file = form.get('file');
    // Without a chosen file, a form still sends an empty one.
    const upload = file instanceof File && (file.size > 0 || file.name !== '') ? file : null;
    const values = { lines };
    try {
      const result = await cms.quickOrder(jwt, upload ? { file: upload, lines } : { lines });
      return {
        // What went in is in the cart now: the text area starts empty, so that sending again adds nothing twice.
        values: { lines: '' },
        added: result.added,
        refused: result.refused.map(({ line, sku, code, reason }) => ({ line, sku, reason: wordError(code, reason) })),
        cartLines: result.cart.lines.length,
      };
    } catch (failure) {
      return refusal(failure, values);
    }
  },
};
