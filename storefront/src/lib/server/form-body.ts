import { error } from '@sveltejs/kit';
import { m } from '../paraglide/messages.js';

/**
 * A form body that cannot be read (cut off mid-upload, a multipart body without its closing
 * boundary, a content type FormData does not parse) is the sender's problem: reading it
 * answers 400 with a message instead of the TypeError that would end as a 500. The hook
 * applies this to every request, so each action keeps calling `request.formData()` and
 * none can forget. Other failures (a body over the size limit: 413) keep their own status.
 */
export function refuseUnreadableForms(request: Request): void {
  const read = request.formData.bind(request);
  Object.defineProperty(request, 'formData', {
    configurable: true,
    value: async (): Promise<FormData> => {
      try {
        return await read();
      } catch (failure) {
        // The Fetch standard rejects an unparsable body with a TypeError, and only then.
        if (failure instanceof TypeError) error(400, m.error_unreadable_form());
        throw failure;
      }
    },
  });
}
