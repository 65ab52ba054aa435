import { redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '../i18n.ts';
import { refusal, requireRole } from './guard.ts';
import { cms } from './services.ts';

/**
 * The "Discuss this order" action of the client's and the consultant's order pages: opens
 * (or starts) the conversation about the order between the client and their consultant.
 */
export function discussOrder(role: 'customer' | 'consultant') {
  return async (event: RequestEvent<{ reference: string }>) => {
    const { jwt } = requireRole(event, role);
    let conversation: number;
    try {
      conversation = (await cms.startOrderConversation(jwt, event.params.reference)).id;
    } catch (failure) {
      return refusal(failure, {}, { form: 'discuss' });
    }
    redirect(303, localizeHref(`/messages?c=${conversation}`));
  };
}
