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
  /** The seller's details: a SIRET of another company than the SIREN. */
  'siret.not_of_siren': [],
  'siren.invalid': [],
  'vat_number.invalid': [],
  /** The seller's details: `expected` is the French VAT number of their SIREN. */
  'vat_number.not_of_siren': ['expected'],
  'iban.invalid': [],
  'bic.invalid': [],
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
  /** A SKU that is not 3 to 32 capital letters, digits and dashes. */
  'catalogue.sku_invalid': [],
  'catalogue.sku_taken': ['sku'],

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

  // ------------------------------------------------ quick order (lines "SKU; quantity", typed or a CSV file)
  /** The request as a whole: nothing is added. */
  'quick_order.empty': [],
  /** `count` lines sent, at most `max`. */
  'quick_order.too_many_lines': ['max', 'count'],
  /** A binary file, or text with control characters: not lines of "SKU; quantity". */
  'quick_order.not_text': [],
  /** `max` in kilobytes. */
  'quick_order.file_too_large': ['max'],
  'quick_order.lines_and_file': [],
  /** One line (`refused[].code`): the others are still added. */
  'quick_order.bad_line': [],
  'quick_order.unknown_sku': ['sku'],
  /** The same SKU again; `firstLine` is the line where it first appears, the one that counts. */
  'quick_order.duplicate_sku': ['sku', 'firstLine'],

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
  'invoice.not_found': [],
  /** An issued invoice (or its number counter) cannot be written in the panel: only a credit note corrects it. */
  'invoice.immutable': [],
  'transfer.amount_not_positive': [],
  /** The invoice was paid by card, or its transfers already settle it. */
  'transfer.invoice_settled': [],
  /** More than is left to pay; `balanceCents` is what is left. */
  'transfer.exceeds_balance': ['balanceCents'],
  /** A transfer received after today, or before the invoice was issued (`issueDate`, YYYY-MM-DD). */
  'transfer.date_in_future': [],
  'transfer.date_before_invoice': ['issueDate'],
  'credit_note.quantity_not_positive': [],
  /** A line the invoice does not have (`line` is its number). */
  'credit_note.line_unknown': ['line'],
  /** More than is left to credit on a line: `remaining` units. */
  'credit_note.exceeds_invoiced': ['line', 'remaining'],
  /** Every line of the invoice is already credited. */
  'credit_note.nothing_left': [],
  // ------------------------------------------------ quotes
  'quote.not_found': [],
  /** The quote is not at the step the action needs (accepting one not sent, sending one accepted…); `status` is where it is. */
  'quote.not_open': ['status'],
  /** The offer's last day (`validUntil`, YYYY-MM-DD) has passed. */
  'quote.expired': ['validUntil'],
  'quote.price_not_positive': [],
  /** The same product on two lines of a request or an offer. */
  'quote.duplicate_product': ['product'],
  /** An offer's last day before today, or further than `max` days away. */
  'quote.validity_in_past': [],
  'quote.validity_too_long': ['max'],
  /** Its total (incl. VAT, in cents) or its CO₂e (in grams) passes `max`: too large for one order. */
  'quote.too_large': ['max'],
  /** The consultant sent a revised offer after the one being accepted: read it first. */
  'quote.revised': [],
  /** Quotes are not written in the panel. */
  'quote.read_only': [],
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
  'company.not_found': [],
  'company.credit_limit_out_of_range': ['maxCents'],

  // ------------------------------------------------ approvals of orders above a buyer's limit
  /** The order is not (or no longer) waiting for approval. */
  'approval.not_pending': ['status'],
  'approval.comment_required': [],

  // ------------------------------------------------ paying on invoice, purchase orders
  /** The company pays by card: its consultant has not granted payment on invoice. */
  'checkout.invoice_not_granted': [],
  /** Unpaid orders on invoice and this one would pass the credit limit; `availableCents` is what is left. */
  'checkout.credit_limit_exceeded': ['availableCents'],
  'checkout.invoice_overdue': [],
  'checkout.purchase_order_required': [],
  /** The signed-in account is in no company (waiting to join, or removed from one). */
  'company.not_member': [],
  'company.member_not_found': [],
  /** An admin cannot be demoted, leave or be removed while they are the company's only one. */
  'company.last_admin': [],
  'company.invitation_not_found': [],
  'company.invitation_expired': [],
  'company.invitation_used': [],
  'company.invitation_revoked': [],
  /** The invited address has an account in another company: one company per account. */
  'company.invitation_email_in_other_company': [],
  'company.invitation_email_already_member': [],
  /** The address is a Ventalis consultant's. */
  'company.invitation_email_unavailable': [],
  /** The invited address already has an account: its owner signs in to accept. */
  'company.invitation_sign_in_to_accept': [],
  /** Signed in as another account than the invited address. */
  'company.invitation_other_account': [],
  /** Someone already in a company cannot accept an invitation to another one. */
  'company.already_member': [],
  'company.join_request_not_found': [],

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
