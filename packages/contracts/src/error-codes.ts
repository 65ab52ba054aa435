/**
 * The one list of refusals the cms words for a person. The cms answers a 4xx with a code and
 * its parameters next to an English sentence; the storefront (and the cms' own emails) word
 * the code in the reader's language from their catalogue, where each code has a message
 * named by errorMessageKey() in every locale. No zod here: browser code may import it.
 *
 * Each entry names the parameters its message may use. Conventions for parameter values:
 * - `status`, `from`, `to` hold an order status id (ORDER_STATUSES): word them with the
 *   catalogue's status names;
 * - `missing` (password.too_weak) holds the ids of the unmet password rules, comma-separated
 *   (`passwordRules` ids: length, lower, upper, digit, special);
 * - `fields`, `names`, `accepted`, `allowed` hold technical names (field, query parameter,
 *   accepted values), comma-separated, shown as they are;
 * - numbers (`min`, `max`, `step`, `stock`, `retryAfterSeconds`…) are plain numbers: format
 *   them for the locale (formatUnits, formatInteger).
 */
export const ERROR_CODES = {
  // ------------------------------------------------ any field (schema rules by kind)
  /** A text field left empty or not sent. */
  'text.required': [],
  'text.too_short': ['min'],
  'text.too_long': ['max'],
  /** A one-line field with a line break, tab, NUL or other control character. */
  'text.not_single_line': [],
  /** A text area with a control character other than line breaks and tabs. */
  'text.control_characters': [],
  /** Half of an emoji or symbol (a lone UTF-16 surrogate). */
  'text.broken_character': [],
  /** A value (not text) that is missing. */
  'value.required': [],
  'value.not_text': [],
  'value.not_number': [],
  'value.not_whole_number': [],
  'value.not_boolean': [],
  'value.not_object': [],
  'value.not_list': [],
  /** One of a fixed set of values was expected. */
  'value.not_allowed': ['allowed'],
  'value.invalid_format': [],
  'value.invalid': [],
  'number.too_small': ['min'],
  'number.too_large': ['max'],
  'number.not_positive': [],
  'number.not_multiple': ['step'],
  'list.too_short': ['min'],
  'list.too_long': ['max'],

  // ------------------------------------------------ the request itself
  /** Fields the route does not take (role, confirmed…). */
  'request.unknown_fields': ['fields'],
  'request.body_unreadable': [],
  'request.body_too_large': [],
  /** Query parameters the address does not take; `accepted` lists those it does. */
  'request.unknown_parameters': ['names', 'accepted'],
  'request.no_parameters_accepted': ['names'],
  /** A path that names nothing (no route, or a parameter no slug, reference or id can be). */
  'request.not_found': [],
  'request.method_not_allowed': [],
  'request.unsupported_media_type': [],
  'request.too_many_attempts': ['retryAfterSeconds'],
  'request.invalid': [],
  /** Any other refusal of the request: the cms' English message is all there is. */
  'request.refused': [],
  'locale.unknown': [],

  // ------------------------------------------------ identity and accounts
  'email.invalid': [],
  'phone.invalid': [],
  'postal_code.invalid': [],
  'country.invalid': [],
  'siret.invalid_format': [],
  'siret.invalid_checksum': [],
  'vat_number.invalid': [],
  'password.too_weak': ['missing'],
  'password.too_common': [],
  'password.mismatch': [],
  'password.current_invalid': [],
  'password.same_as_current': [],
  'password_reset.link_malformed': [],
  'password_reset.link_invalid': [],
  'profile.nothing_to_change': [],
  'account.customers_only': [],
  'account.confirmation_link_invalid': [],
  'auth.invalid_credentials': [],
  'auth.email_not_confirmed': [],
  'auth.blocked': [],
  /** Not signed in, or the session is over (expired token, password reset, blocked account). */
  'auth.required': [],
  'auth.session_ended': [],
  'auth.forbidden': [],
  'auth.administrators_only': [],
  'auth.refresh_invalid': [],

  // ------------------------------------------------ catalogue (the panel's writes)
  'catalogue.name_taken': [],

  // ------------------------------------------------ cart and quantities
  'quantity.not_whole': [],
  'quantity.below_minimum': ['min'],
  /** `example` is the next valid quantity after the minimum. */
  'quantity.wrong_step': ['step', 'min', 'example'],
  'quantity.above_stock': ['stock'],
  'quantity.out_of_stock': [],
  'cart.product_not_found': ['slug'],
  'cart.line_not_found': ['slug'],
  'cart.empty': [],

  // ------------------------------------------------ checkout, payment, orders
  /** A product of the cart cannot be ordered as it is: `codes[slug]` says why. */
  'checkout.line_refused': ['product'],
  'checkout.stock_short': ['product', 'stock'],
  'checkout.out_of_stock': ['product'],
  'payment.nothing_to_pay': ['status'],
  'payment.not_simulated': [],
  'payment.test_card_required': [],
  'card.number_invalid': [],
  'card.expiry_invalid': [],
  'card.cvc_invalid': [],
  'order.not_found': [],
  'order.not_cancellable': [],
  'order.transition_refused': ['from', 'to'],
  'order.panel_edit_refused': ['fields'],
  'webhook.not_configured': [],
  'webhook.signature_invalid': [],

  // ------------------------------------------------ consultants and clients
  'client.not_found': [],
  'consultant.not_found': [],
  'consultant.blocked': [],
  'account.email_taken': [],

  // ------------------------------------------------ client companies
  /** Registered with the SIRET of an existing company: waiting for its admins to accept. */
  'company.membership_pending': ['company'],
  /** An accountant (or someone without a company) cannot order. */
  'company.ordering_not_allowed': ['role'],
  /** The company's name, VAT number and addresses are changed by its admins. */
  'company.admins_only': [],
  /** No company of the consultant's has this id. */
  'company.not_found': [],

  // ------------------------------------------------ negotiated prices (a consultant's agreements)
  'agreement.discount_out_of_range': [],
  'agreement.net_price_not_positive': [],
  'agreement.ends_before_start': [],
  /** Another agreement for the same product or category overlaps; its period is `startsOn`–`endsOn` (YYYY-MM-DD). */
  'agreement.overlap': ['startsOn', 'endsOn'],
  'agreement.not_found': [],
  'agreement.category_not_found': ['slug'],
  'agreement.product_not_found': ['slug'],

  // ------------------------------------------------ chat (REST answers and socket acks)
  'chat.before_and_after': [],
  'chat.contact_forbidden': [],
  'chat.member_not_found': [],
  'chat.conversation_not_found': [],
  'chat.order_not_found': [],
  'chat.not_available': [],
  /** The socket acks' ChatErrorCode, prefixed: chatErrorCode('rate_limited') → 'chat.rate_limited'. */
  'chat.invalid_payload': [],
  'chat.not_found': [],
  'chat.forbidden': [],
  'chat.rate_limited': [],
  'chat.unavailable': [],
  'chat.session_ended': [],
} as const satisfies Record<string, readonly string[]>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorParams = Record<string, string | number>;

/** A refusal as a code and the values its message needs: `quantity.below_minimum {min: 1000}`. */
export interface CodedError {
  code: ErrorCode;
  params?: ErrorParams;
}

/** A refusal with the cms' English sentence for it, made in one place (a rule's own function). */
export interface Refusal extends CodedError {
  message: string;
}

/**
 * `error.details` of a cms 4xx: `code`/`params` for the request as a whole, `codes` per field
 * (with `errors`, today's English sentence per field, beside them).
 */
export interface ErrorDetails {
  code?: ErrorCode;
  params?: ErrorParams;
  errors?: Record<string, string>;
  codes?: Record<string, CodedError>;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** The catalogue key that words a code: 'quantity.below_minimum' → 'error_quantity_below_minimum'. */
export function errorMessageKey(code: ErrorCode): string {
  return `error_${code.replace(/[.-]/g, '_')}`;
}

export function refusal(code: ErrorCode, message: string, params?: ErrorParams): Refusal {
  return params && Object.keys(params).length > 0 ? { code, params, message } : { code, message };
}

/**
 * The options of a zod `.refine()` (or an issue of `ctx.addIssue`) whose refusal has a code:
 * the code travels in the issue's `params`, where fieldCodes() finds it.
 * `z.string().refine(isPostalCode, rule('postal_code.invalid', 'Postal code must be…'))`.
 */
export function rule(code: ErrorCode, message: string, params: ErrorParams = {}): { message: string; params: { code: ErrorCode } & ErrorParams } {
  return { message, params: { ...params, code } };
}
