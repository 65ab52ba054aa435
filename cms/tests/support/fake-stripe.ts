import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

/** What a confirm does; set with setOutcome, otherwise taken from the test payment method. */
export type FakeOutcome = 'succeed' | 'decline' | 'insufficient_funds';
type Param = string | Param[] | { [key: string]: Param };
type Params = { [key: string]: Param };
type Status = 'requires_payment_method' | 'requires_confirmation' | 'succeeded' | 'canceled';

export interface FakePaymentError { type: 'card_error'; code: 'card_declined'; decline_code: string; message: string; charge: string; payment_method: { id: string; object: 'payment_method'; type: 'card' } }
export interface FakePaymentIntent {
  id: string; object: 'payment_intent'; amount: number; amount_received: number; automatic_payment_methods: { enabled: boolean; allow_redirects: string } | null;
  canceled_at: number | null; cancellation_reason: string | null; capture_method: 'automatic'; client_secret: string; confirmation_method: 'automatic'; created: number;
  currency: string; customer: string | null; description: string | null; last_payment_error: FakePaymentError | null; latest_charge: string | null; livemode: false;
  metadata: Record<string, string>; next_action: null; payment_method: string | null; allowed_payment_method_types: string[] | null; payment_method_types: string[]; receipt_email: string | null; status: Status;
}
export interface FakeCharge {
  id: string; object: 'charge'; amount: number; amount_captured: number; amount_refunded: number; captured: boolean; created: number; currency: string; failure_code: string | null;
  failure_message: string | null; livemode: false; metadata: Record<string, string>; paid: boolean; payment_intent: string; payment_method: string; refunded: boolean; status: 'succeeded' | 'failed';
}
export interface FakeRefund { id: string; object: 'refund'; amount: number; charge: string; created: number; currency: string; metadata: Record<string, string>; payment_intent: string; reason: string | null; status: 'succeeded' }
export interface FakeEvent { id: string; object: 'event'; api_version: string; created: number; data: { object: FakePaymentIntent | FakeCharge }; livemode: false; pending_webhooks: number; request: { id: null; idempotency_key: null }; type: string }
export interface FakeStripeRequest { method: string; path: string; idempotencyKey?: string; params: Params }

/** Payment method ids Stripe documents for tests, and what confirming with them does. */
const TEST_PAYMENT_METHODS: Record<string, FakeOutcome> = {
  pm_card_visa: 'succeed', pm_card_mastercard: 'succeed', pm_card_chargeDeclined: 'decline', pm_card_chargeDeclinedInsufficientFunds: 'insufficient_funds',
};
const DECLINES = { decline: ['generic_decline', 'Your card was declined.'], insufficient_funds: ['insufficient_funds', 'Your card has insufficient funds.'] } as const;

class ApiError extends Error {
  status: number;
  body: { error: Record<string, unknown> };
  constructor(status: number, error: Record<string, unknown>) {
    super(String(error.message));
    this.status = status;
    this.body = { error: { type: 'invalid_request_error', ...error } };
  }
}
const invalid = (message: string, extra: Record<string, unknown> = {}, status = 400) => new ApiError(status, { message, ...extra });

const newId = (prefix: string) => `${prefix}_${randomBytes(18).toString('base64url').replace(/[-_]/g, '').slice(0, 24)}`;
const now = () => Math.floor(Date.now() / 1000);
const clone = <T>(value: T): T => structuredClone(value);
const str = (value: Param | undefined) => (typeof value === 'string' && value !== '' ? value : undefined);
/** Param order does not matter to Stripe's idempotency check, so compare a key-sorted rendering. */
const canonical = (value: unknown) => JSON.stringify(value, (_key, v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v);

/** Parses Stripe's form encoding (`metadata[k]=v`, `payment_method_types[0]=card`) into nested objects and arrays. */
export function parseStripeForm(encoded: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(encoded)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Params = root;
    path.forEach((segment, i) => {
      const name = segment === '' ? String(Object.keys(node).length) : segment;
      if (i === path.length - 1) node[name] = value;
      else node = (node[name] = typeof node[name] === 'object' ? node[name] : {}) as Params;
    });
  }
  const arrays = (value: Param, key: string): Param => {
    if (typeof value !== 'object' || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    const converted = Object.fromEntries(keys.map((k) => [k, arrays(value[k], k)]));
    return key !== 'metadata' && keys.length > 0 && keys.every((k) => /^\d+$/.test(k))
      ? keys.sort((a, b) => Number(a) - Number(b)).map((k) => converted[k])
      : converted;
  };
  return arrays(root, '') as Params;
}

function metadataOf(value: Param | undefined): Record<string, string> {
  if (value === undefined || value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('Invalid object', { param: 'metadata', code: 'parameter_invalid_empty' });
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw invalid('Invalid metadata value: must be a string', { param: `metadata[${k}]` });
    if (k.length > 40 || v.length > 500) throw invalid('Metadata keys are limited to 40 characters and values to 500 characters.', { param: `metadata[${k}]` });
  }
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '')) as Record<string, string>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A Stripe-compatible API server (payment intents, refunds) for tests; point the SDK at it with host/port/protocol 'http'. */
export async function startFakeStripe(options: { webhookSecret?: string } = {}) {
  const secretKey = 'sk_test_fake' as const;
  const paymentIntents = new Map<string, FakePaymentIntent>();
  const charges = new Map<string, FakeCharge>();
  const refunds = new Map<string, FakeRefund>();
  const requests: FakeStripeRequest[] = [];
  const outcomes = new Map<string, FakeOutcome>();
  const idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();

  const intentOf = (id: string, param: string, status = 404) =>
    paymentIntents.get(id) ?? (() => { throw invalid(`No such payment_intent: '${id}'`, { code: 'resource_missing', param }, status); })();

  function confirm(intent: FakePaymentIntent, params: Params): FakePaymentIntent {
    if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
      throw invalid(`You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`, { code: 'payment_intent_unexpected_state', payment_intent: clone(intent) });
    }
    const paymentMethod = str(params.payment_method) ?? intent.payment_method ?? undefined;
    const presetKey = outcomes.has(intent.id) ? intent.id : outcomes.has('*') ? '*' : undefined;
    if (!paymentMethod && !presetKey) {
      throw invalid("You cannot confirm this PaymentIntent because it's missing a payment method. Update the PaymentIntent with a payment method and then confirm it again.", { code: 'payment_intent_unexpected_state', param: 'payment_method' });
    }
    const outcome = presetKey ? outcomes.get(presetKey) : TEST_PAYMENT_METHODS[paymentMethod ?? ''];
    if (!outcome) throw invalid(`No such PaymentMethod: '${paymentMethod}'`, { code: 'resource_missing', param: 'payment_method' });
    const redirects = intent.automatic_payment_methods;
    if (redirects?.enabled && redirects.allow_redirects !== 'never' && !str(params.return_url)) {
      throw invalid('This PaymentIntent is configured to accept payment methods enabled in your Dashboard. Because some of these payment methods might redirect your customer off of your page, you must provide a `return_url`. If you don\'t want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.');
    }
    if (presetKey) outcomes.delete(presetKey);
    const pm = paymentMethod ?? 'pm_card_visa';
    const decline = outcome === 'succeed' ? undefined : DECLINES[outcome];
    const charge: FakeCharge = {
      id: newId('ch'), object: 'charge', amount: intent.amount, amount_captured: decline ? 0 : intent.amount, amount_refunded: 0, captured: !decline, created: now(),
      currency: intent.currency, failure_code: decline ? 'card_declined' : null, failure_message: decline?.[1] ?? null, livemode: false, metadata: { ...intent.metadata },
      paid: !decline, payment_intent: intent.id, payment_method: pm, refunded: false, status: decline ? 'failed' : 'succeeded',
    };
    charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    if (!decline) return Object.assign(intent, { status: 'succeeded' as const, amount_received: intent.amount, payment_method: pm, last_payment_error: null });
    const error: FakePaymentError = { type: 'card_error', code: 'card_declined', decline_code: decline[0], message: decline[1], charge: charge.id, payment_method: { id: pm, object: 'payment_method', type: 'card' } };
    Object.assign(intent, { status: 'requires_payment_method', payment_method: null, last_payment_error: error });
    throw new ApiError(402, { ...error, payment_intent: clone(intent), doc_url: 'https://stripe.com/docs/error-codes/card-declined' });
  }

  function createIntent(params: Params): FakePaymentIntent {
    if (params.amount === undefined) throw invalid('Missing required param: amount.', { code: 'parameter_missing', param: 'amount' });
    const amount = Number(params.amount);
    if (typeof params.amount !== 'string' || !/^-?\d+$/.test(params.amount)) throw invalid(`Invalid integer: ${String(params.amount)}`, { code: 'parameter_invalid_integer', param: 'amount' });
    if (amount < 1) throw invalid('This value must be greater than or equal to 1.', { code: 'parameter_invalid_integer', param: 'amount' });
    const currency = str(params.currency)?.toLowerCase();
    if (!currency) throw invalid('Missing required param: currency.', { code: 'parameter_missing', param: 'currency' });
    if (!/^[a-z]{3}$/.test(currency)) throw invalid(`Invalid currency: ${currency}.`, { code: 'parameter_invalid', param: 'currency' });
    // API versions since 2023-08-16 turn automatic payment methods on unless types are listed (this SDK calls them allowed_payment_method_types).
    const listed = params.allowed_payment_method_types ?? params.payment_method_types;
    const types = Array.isArray(listed) ? listed.map(String) : null;
    const apm = params.automatic_payment_methods;
    const automatic = apm && typeof apm === 'object' && !Array.isArray(apm)
      ? { enabled: apm.enabled === 'true', allow_redirects: str(apm.allow_redirects) ?? 'always' }
      : types ? null : { enabled: true, allow_redirects: 'always' };
    const id = newId('pi');
    const intent: FakePaymentIntent = {
      id, object: 'payment_intent', amount, amount_received: 0, automatic_payment_methods: automatic, canceled_at: null, cancellation_reason: null, capture_method: 'automatic',
      client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`, confirmation_method: 'automatic', created: now(), currency, customer: str(params.customer) ?? null,
      description: str(params.description) ?? null, last_payment_error: null, latest_charge: null, livemode: false, metadata: metadataOf(params.metadata), next_action: null,
      payment_method: str(params.payment_method) ?? null, allowed_payment_method_types: types, payment_method_types: types ?? ['card'], receipt_email: str(params.receipt_email) ?? null,
      status: params.payment_method ? 'requires_confirmation' : 'requires_payment_method',
    };
    paymentIntents.set(id, intent);
    return params.confirm === 'true' ? confirm(intent, params) : intent;
  }

  function cancel(intent: FakePaymentIntent, params: Params): FakePaymentIntent {
    if (intent.status === 'succeeded' || intent.status === 'canceled') {
      throw invalid(`You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`, { code: 'payment_intent_unexpected_state' });
    }
    return Object.assign(intent, { status: 'canceled', canceled_at: now(), cancellation_reason: str(params.cancellation_reason) ?? null });
  }

  function refund(params: Params): FakeRefund {
    const byCharge = str(params.charge);
    const piId = str(params.payment_intent) ?? (byCharge ? charges.get(byCharge)?.payment_intent : undefined);
    if (!piId) throw invalid(byCharge ? `No such charge: '${byCharge}'` : 'One of `charge` or `payment_intent` is required.', { code: byCharge ? 'resource_missing' : 'parameter_missing', param: byCharge ? 'charge' : 'payment_intent' });
    const intent = intentOf(piId, 'payment_intent', 400);
    const charge = intent.latest_charge ? charges.get(intent.latest_charge) : undefined;
    if (intent.status !== 'succeeded' || !charge) throw invalid(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, { code: 'payment_intent_unexpected_state', param: 'payment_intent' });
    const left = charge.amount - charge.amount_refunded;
    if (left === 0) throw invalid(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
    const amount = params.amount === undefined ? left : Number(params.amount);
    if (!Number.isInteger(amount) || amount < 1) throw invalid(`Invalid integer: ${String(params.amount)}`, { code: 'parameter_invalid_integer', param: 'amount' });
    if (amount > left) throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, { code: 'amount_too_large', param: 'amount' });
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const created: FakeRefund = { id: newId('re'), object: 'refund', amount, charge: charge.id, created: now(), currency: charge.currency, metadata: metadataOf(params.metadata), payment_intent: intent.id, reason: str(params.reason) ?? null, status: 'succeeded' };
    refunds.set(created.id, created);
    return created;
  }

  const routes: [string, RegExp, (match: RegExpMatchArray, params: Params) => unknown][] = [
    ['POST', /^\/v1\/payment_intents$/, (_m, p) => createIntent(p)],
    ['GET', /^\/v1\/payment_intents\/([^/]+)$/, (m) => intentOf(m[1], 'intent')],
    ['POST', /^\/v1\/payment_intents\/([^/]+)\/confirm$/, (m, p) => confirm(intentOf(m[1], 'intent'), p)],
    ['POST', /^\/v1\/payment_intents\/([^/]+)\/cancel$/, (m, p) => cancel(intentOf(m[1], 'intent'), p)],
    ['POST', /^\/v1\/refunds$/, (_m, p) => refund(p)],
  ];

  function handle(method: string, path: string, params: Params, authorization: string, key: string | undefined): { status: number; body: unknown; replayed?: boolean } {
    const basic = authorization.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString().split(':')[0] : undefined;
    const given = authorization.startsWith('Bearer ') ? authorization.slice(7) : basic;
    if (given !== secretKey) {
      const message = given ? `Invalid API Key provided: ${given.slice(0, 8)}****${given.slice(-4)}` : 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').';
      return { status: 401, body: { error: { type: 'invalid_request_error', message } } };
    }
    const route = routes.find(([m, pattern]) => m === method && pattern.test(path));
    if (!route) return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.` } } };
    const fingerprint = `${method} ${path} ${canonical(params)}`;
    const stored = method === 'POST' && key ? idempotent.get(key) : undefined;
    if (stored && stored.fingerprint !== fingerprint) {
      return { status: 400, body: { error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.` } } };
    }
    if (stored) return { status: stored.status, body: stored.body, replayed: true };
    let result: { status: number; body: unknown };
    try {
      result = { status: 200, body: clone(route[2](path.match(route[1]) as RegExpMatchArray, params)) };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      result = { status: error.status, body: error.body };
    }
    // Like Stripe, a result is kept for replay once the request ran; rejected parameters are not kept.
    if (method === 'POST' && key && (result.status < 400 || result.status === 402)) idempotent.set(key, { fingerprint, ...result });
    return result;
  }

  const server = createServer((req, res) => {
    readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const params = parseStripeForm(req.method === 'GET' ? url.search.slice(1) : raw);
      const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
      requests.push({ method: req.method ?? 'GET', path: url.pathname, ...(key ? { idempotencyKey: key } : {}), params });
      const { status, body, replayed } = handle(req.method ?? 'GET', url.pathname, params, req.headers.authorization ?? '', key);
      res.writeHead(status, {
        'Content-Type': 'application/json', 'Request-Id': newId('req'), 'Stripe-Version': String(req.headers['stripe-version'] ?? Stripe.API_VERSION),
        ...(key ? { 'Idempotency-Key': key } : {}), ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
      });
      res.end(JSON.stringify(body));
    }).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    secretKey,
    webhookSecret: options.webhookSecret ?? 'whsec_fake_secret',
    paymentIntents,
    charges,
    refunds,
    requests,
    /** What the next confirm of this intent does (beats its payment method); '*' = the next confirm of any intent, e.g. a create with confirm=true. */
    setOutcome(intentId: string, outcome: FakeOutcome) {
      outcomes.set(intentId, outcome);
    },
    /** A Stripe event for the intent's current state; for 'charge.refunded' the object is its refunded charge. Sign it with stripe.webhooks.generateTestHeaderString. */
    event(type: string, intentId: string): FakeEvent {
      const intent = paymentIntents.get(intentId);
      if (!intent) throw new Error(`fake-stripe: no payment intent ${intentId}`);
      let object: FakePaymentIntent | FakeCharge = intent;
      if (type.startsWith('charge.')) {
        const charge = intent.latest_charge ? charges.get(intent.latest_charge) : undefined;
        if (!charge) throw new Error(`fake-stripe: payment intent ${intentId} has no charge`);
        if (type === 'charge.refunded' && charge.amount_refunded === 0) throw new Error(`fake-stripe: charge of ${intentId} is not refunded; create a refund first`);
        object = charge;
      }
      return { id: newId('evt'), object: 'event', api_version: Stripe.API_VERSION, created: now(), data: { object: clone(object) }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type };
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
