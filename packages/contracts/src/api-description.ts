/**
 * The cms' API as the storefront and other clients use it: every public, customer and
 * consultant route with its request and answer shapes, taken from the schemas of this
 * package, and the OpenAPI 3.1 document generated from them (zod-openapi). The cms serves it
 * at /api/openapi.json with a readable page at /api/docs; cms/tests/api-description.test.ts
 * checks real answers of every route against it. Only the cms imports this module.
 */
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from 'zod-openapi';
import { accountLocaleSchema, accountSchema, clientDetailSchema, clientSearchSchema, clientSummarySchema, forgotPasswordSchema, loginSchema, profileUpdateSchema, registrationSchema, resetPasswordSchema } from './account.ts';
import { codedErrorSchema, dataOf, okSchema, pageOf } from './answers.ts';
import { categorySchema, ecoLabelSchema, localeQuerySchema, productListQuerySchema, productSchema, productSummarySchema } from './catalogue.ts';
import { chatMemberSchema, chatMessageSchema, chatTicketSchema, conversationSummarySchema, historyQuerySchema, markReadSchema, messageBodySchema, readUpToSchema, startConversationSchema, unreadCountSchema } from './chat.ts';
import {
  checkoutOptionsSchema,
  companyInvitationSchema,
  companyJoinRequestSchema,
  companyMemberSchema,
  companyOverviewSchema,
  invitationAcceptSchema,
  invitationAcceptedSchema,
  invitationCreateSchema,
  invitationPreviewSchema,
  joinApproveSchema,
  joinRefuseSchema,
  memberUpdateSchema,
  refusedAnswerSchema,
  removedAnswerSchema,
  revokedAnswerSchema,
} from './company-schemas.ts';
import { contentPageSchema } from './content.ts';
import { inquirySchema } from './inquiry.ts';
import {
  consultantInvoiceQuerySchema,
  consultantInvoiceSchema,
  creditNoteRequestSchema,
  creditNoteSummarySchema,
  invoiceDetailSchema,
  invoiceSummarySchema,
  transferSchema,
} from './invoice.ts';
import { LOCALES } from './locale.ts';
import {
  addToCartSchema,
  approvalDecisionSchema,
  cartSchema,
  checkoutSchema,
  companyTermsSchema,
  consultantOrderQuerySchema,
  consultantOrderSchema,
  impactQuerySchema,
  impactSummarySchema,
  noteSchema,
  orderListQuerySchema,
  orderSchema,
  paymentStartSchema,
  pendingApprovalSchema,
  placedOrderSchema,
  reorderResultSchema,
  setQuantitySchema,
  simulatedCardSchema,
  simulatedPaymentResultSchema,
  statusChangeSchema,
} from './orders.ts';
import { companyAgreementsSchema, priceAgreementInputSchema, priceAgreementQuerySchema, priceAgreementSchema } from './price-agreements.ts';
import { quickOrderRequestSchema, quickOrderResultSchema } from './quick-order.ts';
import { consultantQuoteQuerySchema, consultantQuoteSchema, quoteAcceptSchema, quoteDeclineSchema, quoteOfferSchema, quoteRequestSchema, quoteSchema } from './quote.ts';

/** Who may call a route. `member`: a customer of a client company; `company admin`: one of its admins. */
export const API_ACCESS = {
  public: 'Anyone, signed in or not.',
  'signed-in': 'Any signed-in account (customer or consultant).',
  customer: 'A signed-in customer.',
  member: 'A signed-in member of a client company; what each role (admin, buyer, accountant) may do is said in the operation.',
  'company admin': 'A signed-in admin of a client company.',
  consultant: 'A signed-in consultant, for their own clients.',
} as const;
export type ApiAccess = keyof typeof API_ACCESS;

type Answer = z.ZodType | 'pdf' | 'csv' | 'redirect' | 'empty';

export interface ApiRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  /** As the cms' router writes it: `/api/products/:slug`. */
  path: string;
  summary: string;
  tag: string;
  access: ApiAccess;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body may also come as a multipart form (a file). */
  multipart?: boolean;
  /** Successful answers by status. */
  answers: Partial<Record<200 | 201 | 204 | 302, Answer>>;
  /** Refusals beyond those the route's shape implies (400 for input, 401/403 when signed in, 404 for a path parameter). */
  refusals?: (403 | 404 | 409 | 413 | 422 | 429 | 502)[];
}

const locale = { query: localeQuerySchema };
const list = <T extends z.ZodType>(item: T) => dataOf(z.array(item));
const paymentAnswer = dataOf(paymentStartSchema);

/** The Stripe webhook's acknowledgement. */
const webhookReceivedSchema = z.strictObject({ received: z.literal(true), outcome: z.string() });
/** Strapi's own user object in the sign-in answer, without its private fields. */
const signedInUserSchema = z.looseObject({ id: z.number().int(), email: z.string() });

export const API_ROUTES: ApiRoute[] = [
  // ---------------------------------------------------------------- catalogue and content
  { method: 'get', path: '/api/products', tag: 'Catalogue', access: 'public', summary: 'Products, filtered, sorted and paged; with a member\'s token, their company\'s prices (companyPrice).', query: productListQuerySchema, answers: { 200: pageOf(productSummarySchema) } },
  { method: 'get', path: '/api/products/:slug', tag: 'Catalogue', access: 'public', summary: 'A product by its slug in either language.', ...locale, answers: { 200: dataOf(productSchema) } },
  { method: 'get', path: '/api/categories', tag: 'Catalogue', access: 'public', summary: 'The visible categories.', ...locale, answers: { 200: list(categorySchema) } },
  { method: 'get', path: '/api/categories/:slug', tag: 'Catalogue', access: 'public', summary: 'A category by its slug in either language.', ...locale, answers: { 200: dataOf(categorySchema) } },
  { method: 'get', path: '/api/eco-labels', tag: 'Catalogue', access: 'public', summary: 'The eco labels products carry.', ...locale, answers: { 200: list(ecoLabelSchema) } },
  { method: 'get', path: '/api/pages/home', tag: 'Content', access: 'public', summary: 'The home page, as published.', ...locale, answers: { 200: dataOf(contentPageSchema) } },
  { method: 'get', path: '/api/pages/commitment', tag: 'Content', access: 'public', summary: 'The "Our commitment" page, as published.', ...locale, answers: { 200: dataOf(contentPageSchema) } },
  { method: 'post', path: '/api/inquiries', tag: 'Content', access: 'public', summary: 'A message from the contact form.', body: inquirySchema, answers: { 201: dataOf(z.strictObject({ received: z.literal(true) })) }, refusals: [429] },

  // ---------------------------------------------------------------- accounts
  { method: 'post', path: '/api/auth/local/register', tag: 'Accounts', access: 'public', summary: 'A professional registers; the account waits for the mailed confirmation link. The answer never says whether the email was taken.', body: registrationSchema, answers: { 201: z.strictObject({ user: z.strictObject({ email: z.string(), confirmed: z.literal(false) }), emailConfirmationSent: z.literal(true) }) }, refusals: [429] },
  { method: 'post', path: '/api/auth/local', tag: 'Accounts', access: 'public', summary: 'Signs in: an access token and a refresh token.', body: loginSchema, answers: { 200: z.strictObject({ jwt: z.string(), refreshToken: z.string(), user: signedInUserSchema }) }, refusals: [429] },
  { method: 'post', path: '/api/auth/refresh', tag: 'Accounts', access: 'public', summary: 'New tokens for a refresh token.', body: z.strictObject({ refreshToken: z.string() }), answers: { 200: z.strictObject({ jwt: z.string(), refreshToken: z.string().optional() }) }, refusals: [429] },
  { method: 'post', path: '/api/auth/logout', tag: 'Accounts', access: 'signed-in', summary: 'Ends this session: its refresh token stops working.', body: z.strictObject({ refreshToken: z.string() }), answers: { 200: z.looseObject({}) } },
  { method: 'post', path: '/api/auth/forgot-password', tag: 'Accounts', access: 'public', summary: 'Mails a reset link if the account exists; the answer never says whether it does.', body: forgotPasswordSchema, answers: { 200: okSchema }, refusals: [429] },
  { method: 'post', path: '/api/auth/reset-password', tag: 'Accounts', access: 'public', summary: 'A new password with the mailed code; every session of the account ends.', body: resetPasswordSchema, answers: { 200: okSchema }, refusals: [429] },
  { method: 'post', path: '/api/auth/send-email-confirmation', tag: 'Accounts', access: 'public', summary: 'Mails the confirmation link again.', body: forgotPasswordSchema, answers: { 200: okSchema }, refusals: [429] },
  { method: 'get', path: '/api/auth/email-confirmation', tag: 'Accounts', access: 'public', summary: 'The mailed confirmation link: confirms the account, then opens the storefront in its language.', query: z.strictObject({ confirmation: z.string() }), answers: { 302: 'redirect' } },
  { method: 'get', path: '/api/account', tag: 'Accounts', access: 'signed-in', summary: 'My account: a customer\'s profile with their company and consultant, or a consultant\'s card.', answers: { 200: dataOf(accountSchema) } },
  { method: 'put', path: '/api/account', tag: 'Accounts', access: 'signed-in', summary: 'Changes my profile (customers) or only the language of my emails (anyone).', body: z.union([profileUpdateSchema, accountLocaleSchema]), answers: { 200: dataOf(accountSchema) } },

  // ---------------------------------------------------------------- cart and ordering
  { method: 'get', path: '/api/cart', tag: 'Cart', access: 'customer', summary: 'My cart, priced for my company.', ...locale, answers: { 200: dataOf(cartSchema) } },
  { method: 'post', path: '/api/cart/items', tag: 'Cart', access: 'customer', summary: 'Adds a quantity of a product.', ...locale, body: addToCartSchema, answers: { 200: dataOf(cartSchema) }, refusals: [409] },
  { method: 'put', path: '/api/cart/items/:slug', tag: 'Cart', access: 'customer', summary: 'Sets a line\'s quantity.', ...locale, body: setQuantitySchema, answers: { 200: dataOf(cartSchema) }, refusals: [409] },
  { method: 'delete', path: '/api/cart/items/:slug', tag: 'Cart', access: 'customer', summary: 'Removes a line.', ...locale, answers: { 200: dataOf(cartSchema) } },
  { method: 'delete', path: '/api/cart', tag: 'Cart', access: 'customer', summary: 'Empties the cart.', ...locale, answers: { 200: dataOf(cartSchema) } },
  { method: 'post', path: '/api/cart/quick-order', tag: 'Cart', access: 'customer', summary: 'Many lines at once, "SKU;quantity" per line, typed or as a CSV file (multipart field `file`); each line added or refused with why.', ...locale, body: quickOrderRequestSchema, multipart: true, answers: { 200: dataOf(quickOrderResultSchema) }, refusals: [413] },
  { method: 'get', path: '/api/checkout/options', tag: 'Orders', access: 'member', summary: 'How I may pay: by card, and on invoice when my company may, with the credit left.', answers: { 200: dataOf(checkoutOptionsSchema) } },
  { method: 'post', path: '/api/checkout', tag: 'Orders', access: 'member', summary: 'The cart becomes an order (admins and buyers). The same idempotency key gives the same order; above my limits it waits for an admin\'s approval. A card payment is then started with POST /api/orders/{reference}/payment.', body: checkoutSchema, answers: { 201: dataOf(placedOrderSchema) }, refusals: [409] },
  { method: 'get', path: '/api/orders', tag: 'Orders', access: 'member', summary: 'My orders (all the company\'s for admins and accountants), newest first.', query: orderListQuerySchema, answers: { 200: pageOf(orderSchema) } },
  { method: 'get', path: '/api/orders/impact', tag: 'Orders', access: 'member', summary: 'A year of paid orders: spend and CO₂e by category and month.', query: impactQuerySchema, answers: { 200: dataOf(impactSummarySchema) } },
  { method: 'get', path: '/api/orders/impact/statement.pdf', tag: 'Orders', access: 'member', summary: 'The year\'s carbon statement, as a PDF.', query: impactQuerySchema, answers: { 200: 'pdf' } },
  { method: 'get', path: '/api/orders/impact/statement.csv', tag: 'Orders', access: 'member', summary: 'The year\'s carbon statement, as CSV.', query: impactQuerySchema, answers: { 200: 'csv' } },
  { method: 'get', path: '/api/orders/:reference', tag: 'Orders', access: 'member', summary: 'An order with its lines and history.', answers: { 200: dataOf(orderSchema) } },
  { method: 'post', path: '/api/orders/:reference/payment', tag: 'Orders', access: 'member', summary: 'Starts (or finds again) the card payment of an order awaiting payment: the pay page\'s first call, after the checkout or later.', answers: { 200: paymentAnswer }, refusals: [409, 502] },
  { method: 'post', path: '/api/orders/:reference/simulated-payment', tag: 'Orders', access: 'member', summary: 'Pays with the simulated provider\'s test cards (offline default).', body: simulatedCardSchema, answers: { 200: dataOf(simulatedPaymentResultSchema) }, refusals: [409] },
  { method: 'post', path: '/api/orders/:reference/cancel', tag: 'Orders', access: 'member', summary: 'Cancels an order awaiting payment; its stock goes back.', answers: { 200: dataOf(orderSchema) }, refusals: [409] },
  { method: 'post', path: '/api/orders/:reference/reorder', tag: 'Orders', access: 'member', summary: 'Puts an order\'s lines back in the cart, saying which could not go back.', ...locale, answers: { 200: dataOf(reorderResultSchema) } },
  { method: 'post', path: '/api/payments/stripe/webhook', tag: 'Orders', access: 'public', summary: 'Stripe\'s events, signed (Stripe-Signature); 404 while webhooks are not configured.', body: z.looseObject({}), answers: { 200: webhookReceivedSchema }, refusals: [404] },

  // ---------------------------------------------------------------- company
  { method: 'get', path: '/api/company', tag: 'Company', access: 'member', summary: 'My company: members; invitations and requests to join for admins.', answers: { 200: dataOf(companyOverviewSchema) } },
  { method: 'post', path: '/api/company/invitations', tag: 'Company', access: 'company admin', summary: 'Invites someone by email with a role.', body: invitationCreateSchema, answers: { 201: dataOf(companyInvitationSchema) }, refusals: [409, 429] },
  { method: 'delete', path: '/api/company/invitations/:id', tag: 'Company', access: 'company admin', summary: 'Revokes an invitation.', answers: { 200: dataOf(revokedAnswerSchema) } },
  { method: 'get', path: '/api/company/invitations/:token', tag: 'Company', access: 'public', summary: 'What an invitation link offers, before accepting it (not to a consultant).', answers: { 200: dataOf(invitationPreviewSchema) }, refusals: [403] },
  { method: 'post', path: '/api/company/invitations/:token/accept', tag: 'Company', access: 'public', summary: 'Accepts an invitation: signed in (no body), or creating the account (201).', body: invitationAcceptSchema, answers: { 200: dataOf(invitationAcceptedSchema), 201: dataOf(invitationAcceptedSchema) }, refusals: [409] },
  { method: 'put', path: '/api/company/members/:id', tag: 'Company', access: 'company admin', summary: 'Changes a member\'s role or spending limits.', body: memberUpdateSchema, answers: { 200: dataOf(companyMemberSchema) }, refusals: [409] },
  { method: 'delete', path: '/api/company/members/:id', tag: 'Company', access: 'member', summary: 'Removes a member (admins), or leaves the company (oneself).', answers: { 200: dataOf(removedAnswerSchema) }, refusals: [409] },
  { method: 'get', path: '/api/company/join-requests', tag: 'Company', access: 'company admin', summary: 'People who registered with the company\'s SIRET and ask to join.', answers: { 200: list(companyJoinRequestSchema) } },
  { method: 'post', path: '/api/company/join-requests/:id/approve', tag: 'Company', access: 'company admin', summary: 'Lets a request in, with a role.', body: joinApproveSchema, answers: { 200: dataOf(companyMemberSchema) } },
  { method: 'post', path: '/api/company/join-requests/:id/refuse', tag: 'Company', access: 'company admin', summary: 'Refuses a request, with a word for them.', body: joinRefuseSchema, answers: { 200: dataOf(refusedAnswerSchema) } },
  { method: 'get', path: '/api/company/approvals', tag: 'Company', access: 'company admin', summary: 'Orders above a buyer\'s limits, waiting for an admin.', answers: { 200: list(pendingApprovalSchema) } },
  { method: 'post', path: '/api/company/approvals/:reference/approve', tag: 'Company', access: 'company admin', summary: 'Approves an order: it goes on to payment.', body: approvalDecisionSchema, answers: { 200: dataOf(orderSchema) }, refusals: [409] },
  { method: 'post', path: '/api/company/approvals/:reference/decline', tag: 'Company', access: 'company admin', summary: 'Declines an order, saying why: its stock goes back.', body: approvalDecisionSchema, answers: { 200: dataOf(orderSchema) }, refusals: [409] },

  // ---------------------------------------------------------------- documents
  { method: 'get', path: '/api/invoices', tag: 'Documents', access: 'member', summary: 'My company\'s invoices (admins and accountants; a buyer\'s own).', answers: { 200: list(invoiceSummarySchema) } },
  { method: 'get', path: '/api/invoices/:number', tag: 'Documents', access: 'member', summary: 'An invoice with its transfers and credit notes.', answers: { 200: dataOf(invoiceDetailSchema) } },
  { method: 'get', path: '/api/invoices/:number/pdf', tag: 'Documents', access: 'member', summary: 'The invoice as Factur-X (PDF/A-3 with its EN 16931 XML).', answers: { 200: 'pdf' } },
  { method: 'get', path: '/api/credit-notes', tag: 'Documents', access: 'member', summary: 'My company\'s credit notes.', answers: { 200: list(creditNoteSummarySchema) } },
  { method: 'get', path: '/api/credit-notes/:number/pdf', tag: 'Documents', access: 'member', summary: 'A credit note as Factur-X.', answers: { 200: 'pdf' } },
  { method: 'post', path: '/api/quotes', tag: 'Quotes', access: 'member', summary: 'Turns my cart into a request for a quote, with a message.', body: quoteRequestSchema, answers: { 201: dataOf(quoteSchema) }, refusals: [409] },
  { method: 'get', path: '/api/quotes', tag: 'Quotes', access: 'member', summary: 'My company\'s quotes.', answers: { 200: list(quoteSchema) } },
  { method: 'get', path: '/api/quotes/:number', tag: 'Quotes', access: 'member', summary: 'A quote with its lines and history.', answers: { 200: dataOf(quoteSchema) } },
  { method: 'get', path: '/api/quotes/:number/pdf', tag: 'Quotes', access: 'member', summary: 'The offer as a PDF.', answers: { 200: 'pdf' } },
  { method: 'post', path: '/api/quotes/:number/accept', tag: 'Quotes', access: 'member', summary: 'Accepts the offer read (admins and buyers): an order at the quoted prices.', body: quoteAcceptSchema, answers: { 201: dataOf(placedOrderSchema) }, refusals: [409] },
  { method: 'post', path: '/api/quotes/:number/decline', tag: 'Quotes', access: 'member', summary: 'Declines the offer.', body: quoteDeclineSchema, answers: { 200: dataOf(quoteSchema) }, refusals: [409] },

  // ---------------------------------------------------------------- conversations
  { method: 'get', path: '/api/conversations', tag: 'Conversations', access: 'signed-in', summary: 'My conversations, with unread counts and read receipts.', answers: { 200: list(conversationSummarySchema) } },
  { method: 'post', path: '/api/conversations', tag: 'Conversations', access: 'signed-in', summary: 'Starts (or finds) a conversation with a contact.', body: startConversationSchema, answers: { 200: dataOf(conversationSummarySchema) } },
  { method: 'get', path: '/api/conversations/contacts', tag: 'Conversations', access: 'signed-in', summary: 'Who I may write to.', answers: { 200: list(chatMemberSchema) } },
  { method: 'get', path: '/api/conversations/unread', tag: 'Conversations', access: 'signed-in', summary: 'How many messages I have not read.', answers: { 200: dataOf(unreadCountSchema) } },
  { method: 'post', path: '/api/conversations/order/:reference', tag: 'Conversations', access: 'signed-in', summary: 'The conversation about an order, started if needed.', answers: { 200: dataOf(conversationSummarySchema) } },
  { method: 'get', path: '/api/conversations/:id', tag: 'Conversations', access: 'signed-in', summary: 'A conversation I am in.', answers: { 200: dataOf(conversationSummarySchema) } },
  { method: 'get', path: '/api/conversations/:id/messages', tag: 'Conversations', access: 'signed-in', summary: 'Its messages, paged by message id.', query: historyQuerySchema, answers: { 200: list(chatMessageSchema) } },
  { method: 'post', path: '/api/conversations/:id/messages', tag: 'Conversations', access: 'signed-in', summary: 'Writes a message.', body: messageBodySchema, answers: { 201: dataOf(chatMessageSchema) }, refusals: [429] },
  { method: 'post', path: '/api/conversations/:id/read', tag: 'Conversations', access: 'signed-in', summary: 'Marks messages read up to an id.', body: markReadSchema, answers: { 200: dataOf(readUpToSchema) } },
  { method: 'post', path: '/api/chat/ticket', tag: 'Conversations', access: 'signed-in', summary: 'A short-lived ticket to open the chat socket.', answers: { 200: dataOf(chatTicketSchema) } },

  // ---------------------------------------------------------------- consultants
  { method: 'get', path: '/api/consultant/clients', tag: 'Consultants', access: 'consultant', summary: 'My clients, searched and paged.', query: clientSearchSchema, answers: { 200: pageOf(clientSummarySchema) } },
  { method: 'get', path: '/api/consultant/clients/:id', tag: 'Consultants', access: 'consultant', summary: 'One of my clients, with their company\'s terms.', answers: { 200: dataOf(clientDetailSchema) } },
  { method: 'put', path: '/api/consultant/companies/:id/terms', tag: 'Consultants', access: 'consultant', summary: 'Sets a client company\'s payment terms and credit limit.', body: companyTermsSchema, answers: { 200: dataOf(companyTermsSchema) } },
  { method: 'get', path: '/api/consultant/companies/:id/agreements', tag: 'Consultants', access: 'consultant', summary: 'A client company\'s negotiated prices.', query: priceAgreementQuerySchema, answers: { 200: dataOf(companyAgreementsSchema) } },
  { method: 'post', path: '/api/consultant/companies/:id/agreements', tag: 'Consultants', access: 'consultant', summary: 'A new negotiated price: a category discount or a net price, for a period.', query: priceAgreementQuerySchema, body: priceAgreementInputSchema, answers: { 201: dataOf(priceAgreementSchema) }, refusals: [409] },
  { method: 'put', path: '/api/consultant/companies/:id/agreements/:agreementId', tag: 'Consultants', access: 'consultant', summary: 'Changes a negotiated price.', query: priceAgreementQuerySchema, body: priceAgreementInputSchema, answers: { 200: dataOf(priceAgreementSchema) }, refusals: [409] },
  { method: 'delete', path: '/api/consultant/companies/:id/agreements/:agreementId', tag: 'Consultants', access: 'consultant', summary: 'Removes a negotiated price.', answers: { 204: 'empty' } },
  { method: 'get', path: '/api/consultant/orders', tag: 'Consultants', access: 'consultant', summary: 'My clients\' orders.', query: consultantOrderQuerySchema, answers: { 200: pageOf(consultantOrderSchema) } },
  { method: 'get', path: '/api/consultant/orders/:reference', tag: 'Consultants', access: 'consultant', summary: 'An order with the client and internal notes.', answers: { 200: dataOf(consultantOrderSchema) } },
  { method: 'post', path: '/api/consultant/orders/:reference/status', tag: 'Consultants', access: 'consultant', summary: 'Moves an order on (in progress, shipped, delivered, cancelled), with a word for the client.', body: statusChangeSchema, answers: { 200: dataOf(consultantOrderSchema) }, refusals: [409] },
  { method: 'post', path: '/api/consultant/orders/:reference/notes', tag: 'Consultants', access: 'consultant', summary: 'An internal note on an order.', body: noteSchema, answers: { 201: dataOf(consultantOrderSchema) } },
  { method: 'get', path: '/api/consultant/invoices', tag: 'Consultants', access: 'consultant', summary: 'My companies\' invoices, filtered.', query: consultantInvoiceQuerySchema, answers: { 200: list(consultantInvoiceSchema) } },
  { method: 'get', path: '/api/consultant/invoices/:number', tag: 'Consultants', access: 'consultant', summary: 'An invoice with its transfers and credit notes.', answers: { 200: dataOf(invoiceDetailSchema) } },
  { method: 'get', path: '/api/consultant/invoices/:number/pdf', tag: 'Consultants', access: 'consultant', summary: 'The invoice as Factur-X.', answers: { 200: 'pdf' } },
  { method: 'post', path: '/api/consultant/invoices/:number/transfers', tag: 'Consultants', access: 'consultant', summary: 'Records a bank transfer received.', body: transferSchema, answers: { 201: dataOf(invoiceDetailSchema) }, refusals: [409] },
  { method: 'post', path: '/api/consultant/invoices/:number/credit-notes', tag: 'Consultants', access: 'consultant', summary: 'Issues a credit note for all or some of the lines.', body: creditNoteRequestSchema, answers: { 201: dataOf(invoiceDetailSchema) }, refusals: [409] },
  { method: 'get', path: '/api/consultant/credit-notes/:number/pdf', tag: 'Consultants', access: 'consultant', summary: 'A credit note as Factur-X.', answers: { 200: 'pdf' } },
  { method: 'get', path: '/api/consultant/quotes', tag: 'Consultants', access: 'consultant', summary: 'My companies\' quotes.', query: consultantQuoteQuerySchema, answers: { 200: list(consultantQuoteSchema) } },
  { method: 'get', path: '/api/consultant/quotes/:number', tag: 'Consultants', access: 'consultant', summary: 'A quote with whose it is.', answers: { 200: dataOf(consultantQuoteSchema) } },
  { method: 'get', path: '/api/consultant/quotes/:number/pdf', tag: 'Consultants', access: 'consultant', summary: 'The offer as a PDF.', answers: { 200: 'pdf' } },
  { method: 'put', path: '/api/consultant/quotes/:number', tag: 'Consultants', access: 'consultant', summary: 'Sends (or revises) the offer: prices, quantities, validity.', body: quoteOfferSchema, answers: { 200: dataOf(consultantQuoteSchema) }, refusals: [409] },
];

/** Strapi's error answer; `details` carries Ventalis' codes (see error-codes.ts). */
export const errorAnswerSchema = z
  .strictObject({
    data: z.null(),
    error: z.strictObject({
      status: z.number().int(),
      name: z.string(),
      message: z.string(),
      details: z.looseObject({
        code: codedErrorSchema.shape.code.optional(),
        params: codedErrorSchema.shape.params,
        errors: z.record(z.string(), z.string()).optional(),
        codes: z.record(z.string(), codedErrorSchema).optional(),
      }),
    }),
  })
  .meta({ id: 'Error' });

const REFUSALS: Record<number, string> = {
  400: 'The request is not valid: `error.message` says why, `error.details.errors` and `codes` per field.',
  401: 'No valid access token.',
  403: 'Not allowed for this account or role.',
  404: 'No such thing, or not one of mine.',
  409: 'Refused by a business rule (stock, state, limit): `error.details.code` names it.',
  413: 'The file is too large.',
  422: 'Refused by a business rule.',
  429: 'Too many attempts: try again later.',
  502: 'The payment provider did not answer.',
};

/** `/api/orders/:reference` → `/api/orders/{reference}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');
const pathParameters = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);

function answerContent(answer: Answer): ZodOpenApiResponseObject {
  switch (answer) {
    case 'pdf':
      return { description: 'A PDF document.', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } };
    case 'csv':
      return { description: 'A CSV file (UTF-8, semicolons).', content: { 'text/csv': { schema: z.string() } } };
    case 'redirect':
      return { description: 'Redirects to the storefront.' };
    case 'empty':
      return { description: 'Done; nothing to read back.' };
    default:
      return { description: 'Done.', content: { 'application/json': { schema: answer } } };
  }
}

function operation(route: ApiRoute): ZodOpenApiOperationObject {
  const params = pathParameters(route.path);
  const responses: Record<`${number}`, ZodOpenApiResponseObject> = {};
  for (const [status, answer] of Object.entries(route.answers)) responses[status as `${number}`] = answerContent(answer);
  const refusals = new Set<number>(route.refusals ?? []);
  if (route.query || route.body || params.length > 0) refusals.add(400);
  if (route.access !== 'public') refusals.add(401).add(403);
  if (params.length > 0) refusals.add(404);
  for (const status of [...refusals].sort()) responses[`${status}`] = { description: REFUSALS[status]!, content: { 'application/json': { schema: errorAnswerSchema } } };
  return {
    operationId: `${route.method}${route.path.replace(/^\/api/, '').replace(/[/:.-]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: route.summary,
    description: `Who: ${API_ACCESS[route.access]}`,
    tags: [route.tag],
    ...(route.access === 'public' ? { security: [] } : {}),
    requestParams: {
      ...(params.length > 0 ? { path: z.strictObject(Object.fromEntries(params.map((name) => [name, z.string()]))) } : {}),
      ...(route.query ? { query: route.query } : {}),
    },
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: route.body },
              ...(route.multipart ? { 'multipart/form-data': { schema: z.object({ lines: z.string().optional(), file: z.string().meta({ format: 'binary' }) }) } } : {}),
            },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the routes above. */
export function apiDescription(version = '1'): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of API_ROUTES) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Ventalis API',
        version,
        description: `The cms' API for the storefront and for client systems. Amounts are integer euro cents; prices are per 1,000 units excl. VAT. Text answers come in the language asked with \`locale\` (${LOCALES.join(', ')}), French where a document has no version in it. Refusals carry an English sentence and a code (\`error.details.code\`) to word in any language.`,
      },
      security: [{ bearer: [] }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token of POST /api/auth/local.' } },
        // Named once, referred to wherever they appear.
        schemas: {
          Product: productSchema,
          ProductSummary: productSummarySchema,
          Category: categorySchema,
          EcoLabel: ecoLabelSchema,
          ContentPage: contentPageSchema,
          Account: accountSchema,
          Cart: cartSchema,
          Order: orderSchema,
          ConsultantOrder: consultantOrderSchema,
          PlacedOrder: placedOrderSchema,
          CompanyOverview: companyOverviewSchema,
          CompanyMember: companyMemberSchema,
          InvoiceSummary: invoiceSummarySchema,
          InvoiceDetail: invoiceDetailSchema,
          CreditNoteSummary: creditNoteSummarySchema,
          Quote: quoteSchema,
          ConsultantQuote: consultantQuoteSchema,
          ConversationSummary: conversationSummarySchema,
          ChatMessage: chatMessageSchema,
          ChatMember: chatMemberSchema,
          PriceAgreement: priceAgreementSchema,
          CodedError: codedErrorSchema,
        },
      },
      tags: [...new Set(API_ROUTES.map((route) => route.tag))].map((name) => ({ name })),
      paths,
    },
  );
}
