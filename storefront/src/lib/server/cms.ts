/**
 * The only code that talks to the cms. Public catalogue and content answers are kept in
 * memory for a short time (every page of the shop needs the categories, most need the
 * labels); anything tied to a person (tokens, account) is never cached.
 */
import type {
  Account,
  Cart,
  ChatTicket,
  InvitationAccepted,
  PlacedOrder,
  ReadUpTo,
  RefusedAnswer,
  RemovedAnswer,
  ReorderResult,
  RevokedAnswer,
  SimulatedPaymentResult,
  UnreadCount,
  ClientDetail,
  ConsultantInvoice,
  ConsultantOrder,
  PaymentStart,
  PendingApproval,
  CheckoutOptions,
  CheckoutRequest,
  CompanyTerms,
  CreditNoteRequest,
  CreditNoteSummary,
  Category,
  CompanyInvitation,
  CompanyMember,
  CompanyOverview,
  CompanyRole,
  InvitationAcceptInput,
  InvitationPreview,
  MemberUpdate,
  ChatMessage,
  ConversationSummary,
  ClientSummary,
  CompanyAgreements,
  ConsultantCard,
  CustomerProfile,
  EcoLabel,
  FieldErrors,
  ImpactSummary,
  InvoiceDetail,
  InvoicePaymentStatus,
  InvoiceSummary,
  TransferInput,
  Inquiry,
  Order,
  OrderNote,
  OrderStatus,
  Page,
  PriceAgreement,
  PriceAgreementInput,
  Product,
  ProductListQuery,
  ProductSummary,
  QuickOrderResult,
  ConsultantQuote,
  Quote,
  QuoteAccept,
  QuoteOffer,
  QuoteRequest,
  QuoteStatus,
  Registration,
} from '@ventalis/contracts';
import { signClientAddress } from '@ventalis/contracts/client-address';
import type { CodedError, ErrorDetails } from '@ventalis/contracts/error-codes';
import { DEFAULT_LOCALE, type Locale } from '@ventalis/contracts/locale';
import type { ContentPage, PageName } from '../content.ts';

export type { Account, ClientDetail, ConsultantInvoice, ConsultantOrder, PaymentStart, PendingApproval } from '@ventalis/contracts';

export interface AuthTokens {
  jwt: string;
  refreshToken: string;
}

/** A quick order: the lines typed, or a CSV file (with whatever was typed beside it). */
export type QuickOrderInput = { lines: string; file?: undefined } | { file: Blob; lines?: string };

export interface Credentials {
  identifier: string;
  password: string;
}

/**
 * The cms answered with an error a person can act on (4xx) or failed (5xx). `message` and
 * `fieldErrors` are the cms' English sentences; `codes` say the same as codes with their
 * parameters, which #lib/errors.ts words in the reader's language.
 */
export class CmsError extends Error {
  readonly status: number;
  readonly fieldErrors: FieldErrors;
  readonly codes: Pick<ErrorDetails, 'code' | 'params' | 'codes'>;
  constructor(status: number, message: string, fieldErrors: FieldErrors = {}, codes: Pick<ErrorDetails, 'code' | 'params' | 'codes'> = {}) {
    super(message);
    this.name = 'CmsError';
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.codes = codes;
  }
}

/** The cms could not be reached, or did not answer in time. */
export class CmsUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CmsUnavailableError';
  }
}

export interface CmsClientOptions {
  /** Where the storefront's server reaches the cms, e.g. http://127.0.0.1:1337 (no trailing /api). */
  baseUrl: string;
  /** How long a public answer is reused; 0 turns the cache off. */
  cacheTtlMs?: number;
  /** The cache forgets its least recently used answers beyond this many. */
  maxCacheEntries?: number;
  timeoutMs?: number;
  /**
   * The cms' CLIENT_ADDRESS_SECRET: signs each visitor's address, the only one the cms
   * believes for its per-address limits. Without it every visitor counts as this server.
   */
  clientAddressSecret?: string;
  /** The id of the request being served, sent with each call so that the cms' logs name it. */
  requestId?: () => string | undefined;
  /** Told of each call's outcome (metrics): answered (2xx, 3xx), refused (4xx), failed (5xx or no answer). */
  onCall?: (outcome: 'answered' | 'refused' | 'failed') => void;
  /** The language public content is asked in (the request's); French when not given. */
  locale?: () => Locale;
  fetch?: typeof globalThis.fetch;
  now?: () => number;
}

interface CacheEntry {
  expiresAt: number;
  value: Promise<unknown>;
}

type Json = Record<string, unknown>;

function errorFields(details: unknown): FieldErrors {
  const errors = (details as { errors?: unknown } | undefined)?.errors;
  if (!errors || typeof errors !== 'object') return {};
  // Ventalis answers { field: message }; Strapi's own validation answers [{ path, message }].
  if (Array.isArray(errors)) {
    const out: FieldErrors = {};
    for (const item of errors as { path?: unknown; message?: unknown }[]) {
      const key = Array.isArray(item.path) ? item.path.join('.') : '_';
      if (!(key in out) && typeof item.message === 'string') out[key] = item.message;
    }
    return out;
  }
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => typeof message === 'string')) as FieldErrors;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function codedError(value: unknown): CodedError | undefined {
  if (!isRecord(value) || typeof value.code !== 'string') return undefined;
  return { code: value.code as CodedError['code'], params: isRecord(value.params) ? (value.params as CodedError['params']) : undefined };
}

/** The codes of a refusal (details.code/params for the whole request, details.codes per field); whatever else is there is ignored. */
function errorCodes(details: unknown): CmsError['codes'] {
  if (!isRecord(details)) return {};
  const out: CmsError['codes'] = {};
  const whole = codedError(details);
  if (whole) Object.assign(out, whole);
  if (isRecord(details.codes)) {
    const codes: Record<string, CodedError> = {};
    for (const [field, value] of Object.entries(details.codes)) {
      const coded = codedError(value);
      if (coded) codes[field] = coded;
    }
    out.codes = codes;
  }
  return out;
}

export function createCmsClient(options: CmsClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const ttlMs = options.cacheTtlMs ?? 30_000;
  const maxEntries = options.maxCacheEntries ?? 500;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const fetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const locale = options.locale ?? (() => DEFAULT_LOCALE);
  const cache = new Map<string, CacheEntry>();

  async function send(path: string, init: { method?: string; jwt?: string; body?: unknown; clientAddress?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (init.jwt) headers.authorization = `Bearer ${init.jwt}`;
    // The cms rate-limits sign-ins and inquiries per client address; behind the storefront
    // that is the visitor's, not ours, and the signature proves we are the one saying so.
    if (init.clientAddress && options.clientAddressSecret) {
      Object.assign(headers, signClientAddress(init.clientAddress, options.clientAddressSecret, Date.now() / 1000));
    }
    // A form (a file upload) sets its own multipart content type, boundary included.
    const form = init.body instanceof FormData ? init.body : undefined;
    if (init.body !== undefined && !form) headers['content-type'] = 'application/json';
    const requestId = options.requestId?.();
    if (requestId) headers['x-request-id'] = requestId;
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      options.onCall?.(response.status >= 500 ? 'failed' : response.status >= 400 ? 'refused' : 'answered');
      return response;
    } catch (error) {
      options.onCall?.('failed');
      throw new CmsUnavailableError(`The cms did not answer ${init.method ?? 'GET'} ${path}`, { cause: error });
    }
  }

  async function failure(response: Response, path: string): Promise<CmsError> {
    let body: { error?: { message?: unknown; details?: unknown } } = {};
    try {
      body = (await response.json()) as typeof body;
    } catch {
      // An error page that is not JSON (a proxy's, say): the status says enough.
    }
    const message = typeof body.error?.message === 'string' ? body.error.message : `The cms answered ${response.status} to ${path}`;
    return new CmsError(response.status, message, errorFields(body.error?.details), errorCodes(body.error?.details));
  }

  async function getJson<T>(path: string): Promise<T> {
    const response = await send(path);
    if (!response.ok) throw await failure(response, path);
    return (await response.json()) as T;
  }

  /** Like getJson, but a 404 is an answer: null. */
  async function findJson<T>(path: string, headers?: Record<string, string>, jwt?: string): Promise<T | null> {
    const response = await send(path, { headers, jwt });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw await failure(response, path);
    return (await response.json()) as T;
  }

  async function postJson<T>(path: string, body: unknown, options: { jwt?: string; clientAddress?: string } = {}): Promise<T> {
    const response = await send(path, { method: 'POST', body, ...options });
    if (!response.ok) throw await failure(response, path);
    return (await response.json()) as T;
  }

  /** One request per key at a time, answers reused for ttlMs; failures are not kept. */
  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (ttlMs <= 0) return load();
    const at = now();
    const hit = cache.get(key);
    if (hit && hit.expiresAt > at) {
      // Move to the back: the Map's insertion order is the eviction order.
      cache.delete(key);
      cache.set(key, hit);
      return hit.value as Promise<T>;
    }
    const entry: CacheEntry = { expiresAt: at + ttlMs, value: load() };
    cache.delete(key);
    cache.set(key, entry);
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
    entry.value.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    return entry.value as Promise<T>;
  }

  /** A request on behalf of a signed-in person; any refusal is a CmsError with the cms' status. */
  async function authed<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, jwt: string, body?: unknown): Promise<T> {
    const response = await send(path, { method, jwt, body });
    if (!response.ok) throw await failure(response, path);
    return ((await response.json()) as { data: T }).data;
  }

  async function authedPage<T>(path: string, jwt: string): Promise<Page<T>> {
    const response = await send(path, { jwt });
    if (!response.ok) throw await failure(response, path);
    return (await response.json()) as Page<T>;
  }

  /** A document as the cms sends it (a PDF, a CSV; its headers name it); any refusal is a CmsError. */
  async function pdf(path: string, jwt: string): Promise<Response> {
    const response = await send(path, { jwt, headers: { accept: 'application/pdf, text/csv' } });
    if (!response.ok) throw await failure(response, path);
    return response;
  }

  const query = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
    const text = search.toString();
    return text ? `?${text}` : '';
  };
  const ref = (reference: string) => encodeURIComponent(reference);

  // Public content is asked for in the page's language (the cms answers French where a
  // document has no version in it, and says so in each document's `locale`).
  const inLocale = (path: string) => `${path}${path.includes('?') ? '&' : '?'}locale=${locale()}`;

  const listCategories = () => {
    const path = inLocale('/api/categories');
    return cached(path, async () => (await getJson<{ data: Category[] }>(path)).data);
  };

  return {
    /**
     * The catalogue, in the page's language. With a customer's token, the cms adds their
     * company's negotiated prices (`companyPrice`): that answer is theirs, never kept here.
     */
    listProducts(query: Omit<ProductListQuery, 'locale'>, customerJwt?: string): Promise<Page<ProductSummary>> {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries({ ...query, locale: locale() })) if (value !== undefined && value !== '') params.set(key, String(value));
      params.sort();
      const path = `/api/products?${params}`;
      if (customerJwt) return authedPage<ProductSummary>(path, customerJwt);
      return cached(path, () => getJson<Page<ProductSummary>>(path));
    },

    /** A product by its slug in either language, in the page's language (with a customer's token: their company's price too, not kept). */
    getProduct(slug: string, customerJwt?: string): Promise<Product | null> {
      const path = inLocale(`/api/products/${encodeURIComponent(slug)}`);
      if (customerJwt) return findJson<{ data: Product }>(path, undefined, customerJwt).then((found) => found?.data ?? null);
      return cached(path, async () => (await findJson<{ data: Product }>(path))?.data ?? null);
    },

    listCategories,

    /** A visible category by its slug in either language (from the cached list: one request serves every category page). */
    async getCategory(slug: string): Promise<Category | null> {
      return (await listCategories()).find((category) => category.slug === slug || Object.values(category.slugs ?? {}).includes(slug)) ?? null;
    },

    listEcoLabels(): Promise<EcoLabel[]> {
      const path = inLocale('/api/eco-labels');
      return cached(path, async () => (await getJson<{ data: EcoLabel[] }>(path)).data);
    },

    /** A published content page (null while it has not been published); its draft, never cached, with the preview secret. */
    getPage(name: PageName, previewSecret?: string): Promise<ContentPage | null> {
      const path = inLocale(`/api/pages/${name}`);
      if (previewSecret) return findJson<{ data: ContentPage }>(path, { 'x-preview-secret': previewSecret }).then((found) => found?.data ?? null);
      return cached(path, async () => (await findJson<{ data: ContentPage }>(path))?.data ?? null);
    },

    /** Forgets every cached answer: for the cms' webhook when content changes. */
    invalidateCache(): void {
      cache.clear();
    },

    /** POST /api/auth/local; a CmsError (400) when the credentials are refused. */
    async login(credentials: Credentials, clientAddress?: string): Promise<AuthTokens & { user: { id: number; email: string } }> {
      const answer = await postJson<Json>('/api/auth/local', credentials, { clientAddress });
      const user = answer.user as { id: number; email: string };
      return { jwt: String(answer.jwt), refreshToken: String(answer.refreshToken), user: { id: user.id, email: user.email } };
    },

    /** New tokens for a refresh token; null when the cms refuses it (expired, revoked, unknown). */
    async refresh(refreshToken: string): Promise<AuthTokens | null> {
      const response = await send('/api/auth/refresh', { method: 'POST', body: { refreshToken } });
      if (response.status === 400 || response.status === 401) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) throw await failure(response, '/api/auth/refresh');
      const answer = (await response.json()) as Json;
      return { jwt: String(answer.jwt), refreshToken: String(answer.refreshToken ?? refreshToken) };
    },

    /** Ends this session in the cms (the refresh token stops working). */
    async logout(tokens: AuthTokens): Promise<void> {
      await postJson('/api/auth/logout', { refreshToken: tokens.refreshToken }, { jwt: tokens.jwt });
    },

    /** POST /api/auth/local/register: a Customer account, unconfirmed until the mailed link is followed. */
    async register(registration: Registration, clientAddress?: string): Promise<void> {
      await postJson('/api/auth/local/register', registration, { clientAddress });
    },

    /** Mails a reset link if the account exists; the answer never says whether it does. */
    async forgotPassword(email: string, clientAddress?: string): Promise<void> {
      await postJson('/api/auth/forgot-password', { email }, { clientAddress });
    },

    async resetPassword(reset: { code: string; password: string; passwordConfirmation: string }, clientAddress?: string): Promise<void> {
      await postJson('/api/auth/reset-password', reset, { clientAddress });
    },

    async resendConfirmation(email: string, clientAddress?: string): Promise<void> {
      await postJson('/api/auth/send-email-confirmation', { email }, { clientAddress });
    },

    /** POST /api/inquiries (the contact form); a CmsError (400, 429) when refused. */
    async submitInquiry(inquiry: Inquiry, clientAddress?: string): Promise<void> {
      await postJson('/api/inquiries', inquiry, { clientAddress });
    },

    /** The signed-in person's account; null when the cms rejects the access token. */
    async getAccount(jwt: string): Promise<Account | null> {
      const response = await send('/api/account', { jwt });
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) throw await failure(response, '/api/account');
      return ((await response.json()) as { data: Account }).data;
    },

    /** The language of the account's emails (and, by default, of its pages): PUT /api/account. */
    setAccountLocale: (jwt: string, locale: Locale) => authed<Account>('PUT', '/api/account', jwt, { locale }),

    // ---------------------------------------------------------------- customer
    // The cart's product names and addresses, the impact's categories, in the page's language.
    getCart: (jwt: string) => authed<Cart>('GET', inLocale('/api/cart'), jwt),
    addToCart: (jwt: string, product: string, quantity: number) => authed<Cart>('POST', inLocale('/api/cart/items'), jwt, { product, quantity }),
    setCartQuantity: (jwt: string, product: string, quantity: number) => authed<Cart>('PUT', inLocale(`/api/cart/items/${encodeURIComponent(product)}`), jwt, { quantity }),
    removeFromCart: (jwt: string, product: string) => authed<Cart>('DELETE', inLocale(`/api/cart/items/${encodeURIComponent(product)}`), jwt),
    emptyCart: (jwt: string) => authed<Cart>('DELETE', inLocale('/api/cart'), jwt),
    /**
     * Many lines into the cart at once: the lines typed, or a CSV file sent as it is (the cms
     * reads its encoding and its lines). Lines sent with a file make the cms refuse both.
     */
    quickOrder: (jwt: string, input: QuickOrderInput) => {
      if (!input.file) return authed<QuickOrderResult>('POST', inLocale('/api/cart/quick-order'), jwt, { lines: input.lines });
      const form = new FormData();
      if (input.lines) form.set('lines', input.lines);
      form.set('file', input.file, input.file instanceof File ? input.file.name : 'quick-order.csv');
      return authed<QuickOrderResult>('POST', inLocale('/api/cart/quick-order'), jwt, form);
    },

    /** The cart becomes an order; the same idempotency key twice gives the same order. */
    checkout: (jwt: string, request: CheckoutRequest) => authed<PlacedOrder>('POST', '/api/checkout', jwt, request),
    /** Card, and on invoice when the company may, with the credit left; 403 for someone who may not order. */
    getCheckoutOptions: (jwt: string) => authed<CheckoutOptions>('GET', '/api/checkout/options', jwt),
    /** An admin of the company: the orders above a buyer's limit, and the decision on each. */
    listApprovals: (jwt: string) => authed<PendingApproval[]>('GET', '/api/company/approvals', jwt),
    approveOrder: (jwt: string, reference: string, comment?: string) => authed<Order>('POST', `/api/company/approvals/${ref(reference)}/approve`, jwt, comment ? { comment } : {}),
    declineOrder: (jwt: string, reference: string, comment: string) => authed<Order>('POST', `/api/company/approvals/${ref(reference)}/decline`, jwt, { comment }),
    setCompanyTerms: (jwt: string, companyId: number, terms: CompanyTerms) => authed<CompanyTerms>('PUT', `/api/consultant/companies/${companyId}/terms`, jwt, terms),
    listOrders: (jwt: string, params: { scope?: 'ongoing' | 'completed'; page?: number; pageSize?: number }) => authedPage<Order>(`/api/orders${query(params)}`, jwt),
    getOrder: (jwt: string, reference: string) => authed<Order>('GET', `/api/orders/${ref(reference)}`, jwt),
    startPayment: (jwt: string, reference: string) => authed<PaymentStart>('POST', `/api/orders/${ref(reference)}/payment`, jwt),
    paySimulated: (jwt: string, reference: string, card: { cardNumber: string; expiry: string; cvc: string; name?: string }) =>
      authed<SimulatedPaymentResult>('POST', `/api/orders/${ref(reference)}/simulated-payment`, jwt, card),
    cancelOrder: (jwt: string, reference: string) => authed<Order>('POST', `/api/orders/${ref(reference)}/cancel`, jwt),
    reorder: (jwt: string, reference: string) => authed<ReorderResult>('POST', inLocale(`/api/orders/${ref(reference)}/reorder`), jwt),
    getImpact: (jwt: string, year?: number) => authed<ImpactSummary>('GET', `/api/orders/impact${query({ year, locale: locale() })}`, jwt),
    /** The carbon statement of a year, as the cms sends it (PDF or CSV, in the page's language). */
    impactStatement: (jwt: string, year: number | undefined, format: 'pdf' | 'csv') => pdf(`/api/orders/impact/statement.${format}${query({ year, locale: locale() })}`, jwt),

    // ---------------------------------------------------------------- invoices
    /** The invoices the member may see: their own orders' (a buyer), all of the company's (an admin, an accountant). */
    listInvoices: (jwt: string) => authed<InvoiceSummary[]>('GET', '/api/invoices', jwt),
    /** The credit notes of the invoices the member sees. */
    listCreditNotes: (jwt: string) => authed<CreditNoteSummary[]>('GET', '/api/credit-notes', jwt),
    /** A credit note's Factur-X PDF, as the cms sends it; a CmsError 404 for one the member may not see. */
    creditNotePdf: (jwt: string, creditNoteNumber: string) => pdf(`/api/credit-notes/${encodeURIComponent(creditNoteNumber)}/pdf`, jwt),
    /** An invoice's Factur-X PDF, as the cms sends it (its headers say its name); a CmsError 404 for one the member may not see. */
    invoicePdf: (jwt: string, invoiceNumber: string) => pdf(`/api/invoices/${encodeURIComponent(invoiceNumber)}/pdf`, jwt),

    // ---------------------------------------------------------------- quotes
    /** The member's cart becomes a quote request (the cart is emptied); a CmsError 400 or 403 says why not. */
    requestQuote: (jwt: string, request: QuoteRequest) => authed<Quote>('POST', '/api/quotes', jwt, request),
    /** The quotes the member sees: their own requests (a buyer), all of the company's (an admin, an accountant). */
    listQuotes: (jwt: string) => authed<Quote[]>('GET', '/api/quotes', jwt),
    getQuote: (jwt: string, number: string) => authed<Quote>('GET', `/api/quotes/${encodeURIComponent(number)}`, jwt),
    /** The offer becomes an order at the quoted prices, by the checkout's rules: answered like a checkout. */
    acceptQuote: (jwt: string, number: string, request: QuoteAccept) => authed<PlacedOrder>('POST', `/api/quotes/${encodeURIComponent(number)}/accept`, jwt, request),
    declineQuote: (jwt: string, number: string, reason?: string) => authed<Quote>('POST', `/api/quotes/${encodeURIComponent(number)}/decline`, jwt, reason ? { reason } : {}),
    /** A sent quote's PDF, as the cms sends it; a CmsError 404 for one the member may not see. */
    quotePdf: (jwt: string, number: string) => pdf(`/api/quotes/${encodeURIComponent(number)}/pdf`, jwt),

    // ---------------------------------------------------------------- company members
    getCompany: (jwt: string) => authed<CompanyOverview>('GET', '/api/company', jwt),
    inviteMember: (jwt: string, invitation: { email: string; role: CompanyRole; locale?: Locale }) => authed<CompanyInvitation>('POST', '/api/company/invitations', jwt, invitation),
    revokeInvitation: (jwt: string, id: number) => authed<RevokedAnswer>('DELETE', `/api/company/invitations/${id}`, jwt),
    updateMember: (jwt: string, id: number, changes: MemberUpdate) => authed<CompanyMember>('PUT', `/api/company/members/${id}`, jwt, changes),
    /** An admin removes a colleague; `me` leaves the company. */
    removeMember: (jwt: string, id: number | 'me') => authed<RemovedAnswer>('DELETE', `/api/company/members/${id}`, jwt),
    approveJoinRequest: (jwt: string, id: number, role: CompanyRole) => authed<CompanyMember>('POST', `/api/company/join-requests/${id}/approve`, jwt, { role }),
    refuseJoinRequest: (jwt: string, id: number, comment: string) => authed<RefusedAnswer>('POST', `/api/company/join-requests/${id}/refuse`, jwt, { comment }),
    /** An invitation link, read by its secret: a CmsError 404 or 410 (with its code) when it no longer opens anything. */
    async previewInvitation(token: string): Promise<InvitationPreview> {
      return (await getJson<{ data: InvitationPreview }>(`/api/company/invitations/${encodeURIComponent(token)}`)).data;
    },
    /** Accepts an invitation: a new account's fields, or, signed in as the invited address, nothing. */
    async acceptInvitation(token: string, accepting: { account: InvitationAcceptInput } | { jwt: string }): Promise<InvitationAccepted> {
      const path = `/api/company/invitations/${encodeURIComponent(token)}/accept`;
      const response = 'jwt' in accepting ? await send(path, { method: 'POST', jwt: accepting.jwt, body: {} }) : await send(path, { method: 'POST', body: accepting.account });
      if (!response.ok) throw await failure(response, path);
      return ((await response.json()) as { data: InvitationAccepted }).data;
    },

    // ---------------------------------------------------------------- consultant
    listAgreements: (jwt: string, companyId: number) => authed<CompanyAgreements>('GET', inLocale(`/api/consultant/companies/${companyId}/agreements`), jwt),
    createAgreement: (jwt: string, companyId: number, input: PriceAgreementInput) => authed<PriceAgreement>('POST', inLocale(`/api/consultant/companies/${companyId}/agreements`), jwt, input),
    deleteAgreement: async (jwt: string, companyId: number, agreementId: number): Promise<void> => {
      const path = `/api/consultant/companies/${companyId}/agreements/${agreementId}`;
      const response = await send(path, { method: 'DELETE', jwt });
      if (!response.ok) throw await failure(response, path);
      await response.body?.cancel();
    },
    listClients: (jwt: string, params: { q?: string; page?: number; pageSize?: number }) => authedPage<ClientSummary>(`/api/consultant/clients${query(params)}`, jwt),
    getClient: (jwt: string, id: number) => authed<ClientDetail>('GET', `/api/consultant/clients/${id}`, jwt),
    /** The invoices of the consultant's companies, narrowed by company, payment status or overdue. */
    listClientInvoices: (jwt: string, params: { company?: number; status?: InvoicePaymentStatus; overdue?: boolean } = {}) =>
      authed<ConsultantInvoice[]>('GET', `/api/consultant/invoices${query({ company: params.company, status: params.status, overdue: params.overdue === undefined ? undefined : String(params.overdue) })}`, jwt),
    /** A transfer received against one of their companies' invoices; a CmsError 400 says why it is refused. */
    recordTransfer: (jwt: string, invoiceNumber: string, transfer: TransferInput) => authed<InvoiceDetail>('POST', `/api/consultant/invoices/${encodeURIComponent(invoiceNumber)}/transfers`, jwt, transfer),
    /** A credit note on one of their companies' invoices: the lines and quantities named, or everything left; a CmsError 400 says why it is refused. */
    issueCreditNote: (jwt: string, invoiceNumber: string, request: CreditNoteRequest) => authed<InvoiceDetail>('POST', `/api/consultant/invoices/${encodeURIComponent(invoiceNumber)}/credit-notes`, jwt, request),
    /** The PDF of one of their companies' invoices, as the cms sends it. */
    clientInvoicePdf: (jwt: string, invoiceNumber: string) => pdf(`/api/consultant/invoices/${encodeURIComponent(invoiceNumber)}/pdf`, jwt),
    /** The quotes of the consultant's companies, narrowed by status or company. */
    listClientQuotes: (jwt: string, params: { status?: QuoteStatus; company?: number } = {}) => authed<ConsultantQuote[]>('GET', `/api/consultant/quotes${query(params)}`, jwt),
    getClientQuote: (jwt: string, number: string) => authed<ConsultantQuote>('GET', `/api/consultant/quotes/${encodeURIComponent(number)}`, jwt),
    /** Sends the offer (or a revised one); a CmsError 400 says which line or field is refused. */
    sendQuote: (jwt: string, number: string, offer: QuoteOffer) => authed<ConsultantQuote>('PUT', `/api/consultant/quotes/${encodeURIComponent(number)}`, jwt, offer),
    clientQuotePdf: (jwt: string, number: string) => pdf(`/api/consultant/quotes/${encodeURIComponent(number)}/pdf`, jwt),
    listClientOrders: (jwt: string, params: { status?: OrderStatus; client?: number; page?: number; pageSize?: number }) =>
      authedPage<ConsultantOrder>(`/api/consultant/orders${query(params)}`, jwt),
    getClientOrder: (jwt: string, reference: string) => authed<ConsultantOrder>('GET', `/api/consultant/orders/${ref(reference)}`, jwt),
    changeOrderStatus: (jwt: string, reference: string, change: { status: OrderStatus; comment: string }) =>
      authed<ConsultantOrder>('POST', `/api/consultant/orders/${ref(reference)}/status`, jwt, change),
    addOrderNote: (jwt: string, reference: string, body: string) => authed<ConsultantOrder>('POST', `/api/consultant/orders/${ref(reference)}/notes`, jwt, { body }),

    // ---------------------------------------------------------------- conversations
    listConversations: (jwt: string) => authed<ConversationSummary[]>('GET', '/api/conversations', jwt),
    unreadMessages: async (jwt: string) => (await authed<UnreadCount>('GET', '/api/conversations/unread', jwt)).unread,
    getConversation: (jwt: string, id: number) => authed<ConversationSummary>('GET', `/api/conversations/${id}`, jwt),
    conversationHistory: (jwt: string, id: number, page: { before?: number; limit?: number } = {}) => authed<ChatMessage[]>('GET', `/api/conversations/${id}/messages${query(page)}`, jwt),
    sendMessage: (jwt: string, id: number, body: string) => authed<ChatMessage>('POST', `/api/conversations/${id}/messages`, jwt, { body }),
    markRead: (jwt: string, id: number, upTo: number) => authed<ReadUpTo>('POST', `/api/conversations/${id}/read`, jwt, { upTo }),
    startOrderConversation: (jwt: string, reference: string) => authed<ConversationSummary>('POST', `/api/conversations/order/${ref(reference)}`, jwt),
    /** A short-lived ticket for this person's socket to the chat-server. */
    chatTicket: (jwt: string) => authed<ChatTicket>('POST', '/api/chat/ticket', jwt),

    /** A file from the cms' public uploads folder, streamed as the cms answers it. */
    fetchUpload(path: string, headers: Headers): Promise<Response> {
      const forwarded = new Headers();
      // Not accept-encoding: fetch decompresses bodies, and the browser gets them from us anyway.
      for (const name of ['if-none-match', 'if-modified-since', 'range']) {
        const value = headers.get(name);
        if (value) forwarded.set(name, value);
      }
      return fetch(`${baseUrl}/uploads/${path}`, { headers: forwarded, signal: AbortSignal.timeout(timeoutMs) }).catch((error: unknown) => {
        throw new CmsUnavailableError(`The cms did not answer GET /uploads/${path}`, { cause: error });
      });
    },
  };
}

export type CmsClient = ReturnType<typeof createCmsClient>;
