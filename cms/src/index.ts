import type { Core } from '@strapi/strapi';
import path from 'node:path';
import { startOutboxSmtpServer } from './mail/outbox';
import { consultantAccounts, clientReassignment } from './documents/consultant-accounts';
import { orderGuard } from './documents/order-guard';
import { issuedDocuments } from './documents/issued-documents';
import { sellerDetails } from './documents/seller-details';
import { panelTransfers } from './documents/panel-transfers';
import { chatSessions } from './documents/chat-sessions';
import { refuseControlCharacters } from './documents/text-fields';
import { uniqueNames } from './documents/unique-names';
import { backfillSkus, productSkus } from './documents/product-skus';
import { backfillSearchText, maintainSearchText } from './documents/search-text';
import { checkRequestAddresses } from './middlewares/request-address';
import { catalogueCache } from './utils/catalogue-cache';
import { readersChanged } from './utils/catalogue-audience';
import { invalidate, joinCluster, leaveCluster, onInvalidate } from './utils/cluster-caches';
import { shutDownGracefully } from './bootstrap/graceful-shutdown';
import { createStorefrontNotifier, type StorefrontNotifier } from './utils/storefront-webhook';
import { syncStorefrontRoles } from './bootstrap/storefront-roles';
import { syncPanelRoles } from './bootstrap/panel-roles';
import { ensureLocales } from './bootstrap/locales';
import { applyAccountSettings } from './bootstrap/account-settings';
import { configurePanelViews } from './bootstrap/panel-views';
import { getService } from './utils/services';
import { cacheAccountSettings, indexSessions, memoiseAbilities, reuseJwtKeys, skipApiTokenLookupForJwts } from './bootstrap/auth-caches';
import { reusePreparedStatements } from './bootstrap/sqlite-statements';
import { limitPanelAuthentication } from './api/account/auth-limits';
import { stopRenderThread } from './invoicing/render-thread';
import { errorText, everyMinute, startJobs, stopJobs, type JobSettings } from './jobs/jobs';
import { backgroundSettled, reportBackgroundFailures } from './utils/background';

const PUBLIC_CONTENT = new Set([
  'api::product.product',
  'api::category.category',
  'api::eco-label.eco-label',
  'api::home-page.home-page',
  'api::commitment-page.commitment-page',
]);

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);
const changesPublicContent = (context: { uid: string; action: string }) => PUBLIC_CONTENT.has(context.uid) && !READS.has(context.action);
/** A company's catalogue answers are cached under its own key: an agreement's change drops them. */
const changesCachedAnswers = (context: { uid: string; action: string }) => (PUBLIC_CONTENT.has(context.uid) || context.uid === 'api::company.price-agreement') && !READS.has(context.action);

let closeOutbox: (() => Promise<void>) | undefined;
let storefront: StorefrontNotifier | undefined;
export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    // A SIGTERM lets the requests in flight finish before the database closes.
    shutDownGracefully(strapi, (strapi.config.get('ventalis.shutdownGraceSeconds') as number) * 1000);
    indexSessions(strapi);
    // Without an SMTP server configured, mail goes through our own into a local outbox folder.
    if (strapi.config.get('plugin::email.providerOptions.port') === 0) {
      const dir = path.resolve(strapi.dirs.app.root, strapi.config.get('ventalis.mailOutboxDir') as string);
      const outbox = await startOutboxSmtpServer(dir);
      closeOutbox = outbox.close;
      strapi.config.set('plugin::email.providerOptions.port', outbox.port);
    }

    // The panel's login, reset and registration count like the storefront's.
    limitPanelAuthentication(strapi);
    checkRequestAddresses(strapi);
    // First, so that no other reaction sees a text PostgreSQL would refuse.
    strapi.documents.use(refuseControlCharacters(strapi) as never);
    strapi.documents.use(uniqueNames(strapi) as never);
    strapi.documents.use(productSkus(strapi) as never);
    maintainSearchText(strapi);
    catalogueCache.configure({ ttlSeconds: strapi.config.get('ventalis.catalogueCacheSeconds') as number, maxEntries: 1000 });
    // What each cache's invalidation drops here; invalidate() also tells the other cms processes.
    onInvalidate('catalogue', () => catalogueCache.clear());
    onInvalidate('permissions', () => {
      strapi.plugin('users-permissions').service('permission').clearPermissionCache?.();
      // Cached answers are served to a role without asking the permissions again.
      catalogueCache.clear();
    });
    onInvalidate('readers', readersChanged);
    strapi.documents.use(async function invalidatePublicCache(context, next) {
      if (!changesCachedAnswers(context)) return next();
      const result = await next();
      invalidate('catalogue');
      return result;
    });
    const webhook = strapi.config.get('ventalis.storefrontWebhook') as { url: string; secret: string };
    const notifier = createStorefrontNotifier({ ...webhook, log: strapi.log });
    storefront = notifier;
    strapi.documents.use(async function tellStorefront(context, next) {
      if (!changesPublicContent(context)) return next();
      const result = await next();
      notifier.notify(context.uid);
      return result;
    });
    const mediaChanged = () => {
      invalidate('catalogue');
      notifier.notify('plugin::upload.file');
    };
    strapi.db.lifecycles.subscribe({ models: ['plugin::upload.file'], afterUpdate: mediaChanged, afterDelete: mediaChanged });
    strapi.db.lifecycles.subscribe({
      models: ['plugin::users-permissions.permission', 'plugin::users-permissions.role'],
      ...Object.fromEntries(
        ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'].map((event) => [
          event,
          () => invalidate('permissions'),
        ]),
      ),
    });
    // The catalogue's readers are checked again once an account, its company or a session changes.
    strapi.db.lifecycles.subscribe({
      models: ['plugin::users-permissions.user', 'admin::session'],
      ...Object.fromEntries(['afterCreate', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'].map((event) => [event, () => invalidate('readers')])),
    });
    // Panel routes (admin authentication): the administrator's Portfolios page.
    strapi.server.routes({
      type: 'admin',
      prefix: '/ventalis',
      routes: [
        { method: 'GET', path: '/portfolios', handler: 'api::consultant.portfolios.overview', config: { policies: ['admin::isAuthenticatedAdmin'] } },
        { method: 'GET', path: '/portfolios/:id/clients', handler: 'api::consultant.portfolios.clients', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      ],
    } as never);
    strapi.documents.use(consultantAccounts(strapi) as never);
    strapi.documents.use(clientReassignment(strapi) as never);
    strapi.documents.use(orderGuard(strapi) as never);
    strapi.documents.use(issuedDocuments(strapi) as never);
    strapi.documents.use(sellerDetails(strapi) as never);
    strapi.documents.use(panelTransfers(strapi) as never);
    strapi.documents.use(chatSessions(strapi) as never);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const redisUrl = strapi.config.get('ventalis.redisUrl') as string;
    if (redisUrl) await joinCluster(redisUrl, strapi.config.get('ventalis.redisPrefix') as string, strapi.log);
    reusePreparedStatements(strapi);
    memoiseAbilities(strapi);
    skipApiTokenLookupForJwts(strapi);
    reuseJwtKeys(strapi);
    cacheAccountSettings(strapi);
    // First: the panel roles below are given every locale.
    await ensureLocales(strapi);
    await backfillSearchText(strapi);
    await backfillSkus(strapi);
    await syncStorefrontRoles(strapi);
    await syncPanelRoles(strapi);
    await applyAccountSettings(strapi);
    await configurePanelViews(strapi);
    // Accounts from before client companies become the admins of companies of their own.
    await getService('company.companies').migrateClientAccounts();
    await getService('order.lifecycle').backfillPaymentStatus();
    await getService('consultant.assignment').assignUnassignedClients();
    await getService('conversation.membership').ensureCompanyConversations();
    // Unpaid orders past their deadline give their stock back.
    everyMinute('Expiring unpaid orders', () => getService('order.lifecycle').expireUnpaidOrders());
    // Orders above a buyer's limit that nobody approved in time give their stock back.
    everyMinute('Expiring orders awaiting approval', () => getService('company.approvals').expire());
    // Members away with unread messages get their summary by email.
    everyMinute('Sending unread-message summaries', () => getService('conversation.offline-summary').sendDue());
    // Sales without their invoice get it (the seller's details were missing), and missing PDFs are made.
    everyMinute('Issuing invoices and their PDFs', () => getService('document.invoices').sweep());
    // Unpaid invoices past their due date are marked overdue and reminded at +1, +15 and +30 days.
    everyMinute('Reminding overdue invoices', () => getService('document.invoices').remind());
    // Offers past their last day are recorded expired (they can no longer be accepted from that day anyway).
    everyMinute('Expiring quotes', () => getService('quote.quotes').expire());
    // Each minute job runs once per tick across the cms processes (on Redis), every email is a retried job
    // (defined by the mail service, made here so that a mail queued before a restart finds its sender).
    getService('account.mail');
    // Background work that fails (an email that could not be composed) is shown with the failed jobs.
    reportBackgroundFailures(async (what, error) => {
      const message = errorText(error);
      strapi.log.error(`${what} failed: ${message}`);
      await getService('job-failure.failures').record({ job: 'background', key: what, about: what, error: message, attempts: 1 });
    });
    await startJobs(
      { log: strapi.log, recordFailure: (failure) => getService('job-failure.failures').record(failure) },
      strapi.config.get('ventalis.jobs') as JobSettings,
      redisUrl ? { url: redisUrl, prefix: strapi.config.get('ventalis.redisPrefix') as string } : undefined,
    );
  },

  async destroy() {
    storefront?.stop();
    // What the last requests started (their emails being composed) queues its jobs first.
    await backgroundSettled(5000);
    // The jobs under way finish; the queue keeps the others for another process (on Redis).
    await stopJobs();
    // Invoices being issued for sales just made finish before the database closes (the sweep would catch up anyway).
    await Promise.race([getService('document.invoices').idle(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    await stopRenderThread();
    leaveCluster();
    await getService('account.rate-limit').close();
    await closeOutbox?.();
    closeOutbox = undefined;
  },
};
