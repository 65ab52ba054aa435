import { fail, redirect } from '@sveltejs/kit';
import { CHAT_URL } from '$app/env/private';
import { fieldCodes, fieldErrors, messageBodySchema } from '@ventalis/contracts';
import { wordFields } from '#lib/errors.ts';
import { textFields } from '#lib/form.ts';
import { localizeHref } from '#lib/i18n.ts';
import { m } from '#lib/paraglide/messages.js';
import { found, refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const BODY_WORDING = { body: { 'text.required': m.messages_body_empty, 'text.too_long': m.messages_body_too_long } };

export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event);
  const conversations = await cms.listConversations(jwt);
  const asked = Number(event.url.searchParams.get('c'));
  // "Message my consultant" opens the company's conversation with them; otherwise the most recent one.
  const chosen = Number.isSafeInteger(asked) && asked > 0
    ? asked
    : event.url.searchParams.get('with') === 'consultant'
      ? conversations.find((c) => c.company !== null)?.id
      : conversations[0]?.id;
  const unread = () => conversations.reduce((sum, c) => sum + c.unread, 0);
  if (!chosen) return { conversations, current: null, messages: [], chatUrl: CHAT_URL, unread: unread() };

  const NOT_FOUND = m.messages_conversation_not_found();
  const [current, newestFirst] = await Promise.all([
    found(cms.getConversation(jwt, chosen), NOT_FOUND, event.url),
    found(cms.conversationHistory(jwt, chosen, { limit: 50 }), NOT_FOUND, event.url),
  ]);
  const messages = newestFirst.toReversed();
  // Opening the conversation reads it.
  const last = messages.at(-1);
  if (last && current.unread > 0) {
    await cms.markRead(jwt, chosen, last.id);
    current.unread = 0;
    const listed = conversations.find((c) => c.id === chosen);
    if (listed) listed.unread = 0;
  }
  return { conversations, current, messages, chatUrl: CHAT_URL, unread: unread() };
};

export const actions: Actions = {
  /** Without JavaScript (or while the socket is down), the message goes through the cms' REST API. */
  send: async (event) => {
    const { jwt } = requireRole(event);
    const values = textFields(await event.request.formData(), ['conversation', 'body'] as const);
    const input = { body: values.body };
    const parsed = messageBodySchema.safeParse(input);
    if (!parsed.success) return fail(400, { errors: wordFields(fieldCodes(parsed.error, input), fieldErrors(parsed.error), BODY_WORDING), values });
    const conversation = Number(values.conversation);
    try {
      await cms.sendMessage(jwt, conversation, parsed.data.body);
    } catch (failure) {
      return refusal(failure, values);
    }
    redirect(303, localizeHref(`/messages?c=${conversation}`));
  },
};
