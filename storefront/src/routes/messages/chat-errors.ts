/**
 * A chat socket's refusal (an ack's `error.code`) in the page's language. Browser code: each
 * message is named here, so the page ships these six and no other message of the catalogue
 * (#lib/errors.ts reaches every message by its key, for the server only).
 */
import type { ChatErrorCode } from '@ventalis/contracts';
import { m } from '#lib/paraglide/messages.js';

const ACK_ERRORS: Record<ChatErrorCode, () => string> = {
  invalid_payload: m.error_chat_invalid_payload,
  not_found: m.error_chat_not_found,
  forbidden: m.error_chat_forbidden,
  rate_limited: m.error_chat_rate_limited,
  unavailable: m.error_chat_unavailable,
  session_ended: m.error_chat_session_ended,
};

/** What the page says when a message could not be sent: the ack's code worded, else "try again". */
export function sendFailure(error: { code?: unknown } | null | undefined): string {
  const code = error?.code;
  const wording = typeof code === 'string' && Object.hasOwn(ACK_ERRORS, code) ? ACK_ERRORS[code as ChatErrorCode] : undefined;
  return wording ? wording() : m.messages_send_failed();
}
