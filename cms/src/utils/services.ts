import type registration from '../api/account/services/registration';
import type passwordReset from '../api/account/services/password-reset';
import type profile from '../api/account/services/profile';
import type assignment from '../api/consultant/services/assignment';
import type provisioning from '../api/consultant/services/provisioning';
import type portfolio from '../api/consultant/services/portfolio';
import type portfolios from '../api/consultant/services/portfolios';
import type inquiry from '../api/inquiry/services/inquiry';
import type catalogue from '../api/product/services/catalogue';
import type rateLimit from '../api/account/services/rate-limit';
import type signIn from '../api/account/services/sign-in';
import type mail from '../api/account/services/mail';
import type cart from '../api/cart/services/cart';
import type quickOrder from '../api/cart/services/quick-order';
import type checkout from '../api/order/services/checkout';
import type lifecycle from '../api/order/services/lifecycle';
import type payments from '../api/order/services/payments';
import type orderEmails from '../api/order/services/emails';
import type orders from '../api/order/services/orders';
import type offlineSummary from '../api/conversation/services/offline-summary';
import type sessions from '../api/conversation/services/sessions';
import type members from '../api/conversation/services/members';
import type contacts from '../api/conversation/services/contacts';
import type presence from '../api/conversation/services/presence';
import type summaries from '../api/conversation/services/summaries';
import type membership from '../api/conversation/services/membership';
import type messages from '../api/conversation/services/messages';
import type live from '../api/conversation/services/live';
import type companies from '../api/company/services/companies';
import type companyTerms from '../api/company/services/terms';
import type approvals from '../api/company/services/approvals';
import type companyMembers from '../api/company/services/members';
import type prices from '../api/company/services/prices';
import type documentNumbers from '../api/document/services/numbers';
import type invoices from '../api/document/services/invoices';
import type creditNotes from '../api/document/services/credit-notes';
import type sellerDetails from '../api/seller/services/details';
import type quotes from '../api/quote/services/quotes';
import type jobFailures from '../api/job-failure/services/failures';

type Factory = (...args: never[]) => unknown;
type ServiceOf<F extends Factory> = ReturnType<F>;

interface Services {
  'account.registration': ServiceOf<typeof registration>;
  'account.password-reset': ServiceOf<typeof passwordReset>;
  'account.profile': ServiceOf<typeof profile>;
  'account.rate-limit': ServiceOf<typeof rateLimit>;
  'account.sign-in': ServiceOf<typeof signIn>;
  'account.mail': ServiceOf<typeof mail>;
  'consultant.assignment': ServiceOf<typeof assignment>;
  'consultant.provisioning': ServiceOf<typeof provisioning>;
  'consultant.portfolio': ServiceOf<typeof portfolio>;
  'consultant.portfolios': ServiceOf<typeof portfolios>;
  'inquiry.inquiry': ServiceOf<typeof inquiry>;
  'product.catalogue': ServiceOf<typeof catalogue>;
  'cart.cart': ServiceOf<typeof cart>;
  'cart.quick-order': ServiceOf<typeof quickOrder>;
  'order.checkout': ServiceOf<typeof checkout>;
  'order.lifecycle': ServiceOf<typeof lifecycle>;
  'order.payments': ServiceOf<typeof payments>;
  'order.emails': ServiceOf<typeof orderEmails>;
  'order.orders': ServiceOf<typeof orders>;
  'conversation.offline-summary': ServiceOf<typeof offlineSummary>;
  'conversation.sessions': ServiceOf<typeof sessions>;
  'conversation.members': ServiceOf<typeof members>;
  'conversation.contacts': ServiceOf<typeof contacts>;
  'conversation.presence': ServiceOf<typeof presence>;
  'conversation.summaries': ServiceOf<typeof summaries>;
  'conversation.membership': ServiceOf<typeof membership>;
  'conversation.messages': ServiceOf<typeof messages>;
  'conversation.live': ServiceOf<typeof live>;
  'company.companies': ServiceOf<typeof companies>;
  'company.terms': ServiceOf<typeof companyTerms>;
  'company.approvals': ServiceOf<typeof approvals>;
  'company.members': ServiceOf<typeof companyMembers>;
  'company.prices': ServiceOf<typeof prices>;
  'document.numbers': ServiceOf<typeof documentNumbers>;
  'document.invoices': ServiceOf<typeof invoices>;
  'document.credit-notes': ServiceOf<typeof creditNotes>;
  'seller.details': ServiceOf<typeof sellerDetails>;
  'quote.quotes': ServiceOf<typeof quotes>;
  'job-failure.failures': ServiceOf<typeof jobFailures>;
}

/** Typed access to Ventalis' services: getService('consultant.assignment'). */
export function getService<K extends keyof Services>(name: K): Services[K] {
  return strapi.service(`api::${name}` as never) as Services[K];
}
