/**
 * Loads the demo data into the cms database, once: run again, it keeps what is there.
 *   node cms/scripts/seed.mts        (after the cms is built)
 */
import { createRequire } from 'node:module';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addWorkingDays, APPROVAL_WORKING_DAYS, paymentDueDate } from '@ventalis/contracts';
import * as demo from './demo-data.mts';

const appDir = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
type Strapi = {
  db: { query: (uid: string) => Record<string, (...args: unknown[]) => Promise<any>> };
  documents: (uid: string) => Record<string, (...args: unknown[]) => Promise<any>>;
  service: (uid: string) => any;
  plugin: (name: string) => { service: (name: string) => any };
  store: (o: { type: string; name: string }) => { get: (o: { key: string }) => Promise<unknown>; set: (o: { key: string; value: unknown }) => Promise<void> };
  log: { level: string };
  load: () => Promise<Strapi>;
  destroy: () => Promise<void>;
};

const USER = 'plugin::users-permissions.user';

const LABEL = 'api::eco-label.eco-label';
const CATEGORY = 'api::category.category';
const PRODUCT = 'api::product.product';

async function pictureUploader(strapi: Strapi) {
  const sharp = require('sharp');
  const dir = await mkdtemp(path.join(tmpdir(), 'ventalis-seed-'));
  return {
    /**
     * A generated picture with its title written on it, or none: a product's or category's
     * pictures are shared by its French and English versions, so they carry no words, and
     * no alternative text (the storefront describes them with the name in the page's language).
     */
    async upload(name: string, title: string | null, color: string) {
      const file = path.join(dir, `${name}.png`);
      await sharp(Buffer.from(demo.renderPicture(title ?? '', color))).png().toFile(file);
      const [uploaded] = await strapi.plugin('upload').service('upload').upload({
        data: { fileInfo: { name: `${name}.png`, alternativeText: title, caption: title } },
        files: { filepath: file, originalFilename: `${name}.png`, mimetype: 'image/png', size: (await stat(file)).size },
      });
      return uploaded.id as number;
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function seedPanelAccounts(strapi: Strapi) {
  const roles = {
    'super-admin': await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } }),
    marketer: await strapi.db.query('admin::role').findOne({ where: { code: 'ventalis-marketer' } }),
  };
  for (const account of demo.panelAccounts) {
    await strapi.service('admin::user').create({
      email: account.email,
      firstname: account.firstname,
      lastname: account.lastname,
      password: demo.panelPassword,
      isActive: true,
      registrationToken: null,
      roles: [roles[account.role].id],
    });
  }
}

const frenchOf = <T,>(table: Record<string, T>, englishSlug: string): T => {
  const text = table[englishSlug];
  if (!text) throw new Error(`demo data: no French text for "${englishSlug}" (cms/scripts/demo-data-fr.mts)`);
  return text;
};

/**
 * Writes the French version of an entry (the default locale) and its English version. A demo
 * database loaded before the catalogue was bilingual already holds the entry, under its
 * English slug and with its English texts filed as French: the French texts replace them there
 * (relations, pictures and figures are kept) and the English ones become its English version.
 * `shared` (fields not localized) is written in both cases (a product's SKU, which replaces the one made from its slug).
 */
async function writeBothLocales(
  strapi: Strapi,
  uid: string,
  englishSlug: string,
  fr: { created: Record<string, unknown>; texts: Record<string, unknown>; shared?: Record<string, unknown> },
  en: Record<string, unknown>,
) {
  const existing = await strapi.db.query(uid).findOne({ where: { slug: englishSlug, locale: 'fr' }, select: ['documentId'] });
  const documentId: string = existing
    ? (await strapi.documents(uid).update({ documentId: existing.documentId, locale: 'fr', data: { ...fr.texts, ...fr.shared } })).documentId
    : (await strapi.documents(uid).create({ locale: 'fr', data: { ...fr.created, ...fr.texts, ...fr.shared } })).documentId;
  await strapi.documents(uid).update({ documentId, locale: 'en', data: en });
  return documentId;
}

async function seedCatalogue(strapi: Strapi, pictures: Awaited<ReturnType<typeof pictureUploader>>, upgrading: boolean) {
  const labelIds = new Map<string, string>();
  for (const { name, slug, description } of demo.ecoLabels) {
    const fr = frenchOf(demo.ecoLabelsFr, slug);
    labelIds.set(slug, await writeBothLocales(strapi, LABEL, slug, { created: {}, texts: { ...fr } }, { name, slug, description }));
  }
  const categoryIds = new Map<string, string>();
  const ordered = [...demo.categories].sort((a, b) => Number(Boolean(a.parentSlug)) - Number(Boolean(b.parentSlug)));
  for (const { parentSlug, name, slug, description, position } of ordered) {
    const fr = frenchOf(demo.categoriesFr, slug);
    const parent = parentSlug ? categoryIds.get(parentSlug) : undefined;
    const image = parentSlug || upgrading ? undefined : await pictures.upload(`category-${slug}`, null, '#2f6b4f');
    const created = { position, visible: true, image, parent };
    categoryIds.set(slug, await writeBothLocales(strapi, CATEGORY, slug, { created, texts: { ...fr } }, { name, slug, description, parent }));
  }
  for (const product of demo.products) {
    const fr = frenchOf(demo.productsFr, product.slug);
    const relations = { category: categoryIds.get(product.categorySlug), labels: product.labelSlugs.map((slug) => labelIds.get(slug)) };
    const created = {
      ...relations,
      images: upgrading ? undefined : [await pictures.upload(`product-${product.slug}`, null, product.color)],
      priceCents: product.priceCents,
      vatRate: product.vatRate,
      minQuantity: product.minQuantity,
      quantityStep: product.quantityStep,
      stock: product.stock,
      recycledContentPercent: product.recycledContentPercent,
      co2eKgPer1000: product.co2eKgPer1000,
      countryOfOrigin: product.countryOfOrigin,
    };
    await writeBothLocales(
      strapi,
      PRODUCT,
      product.slug,
      { created, texts: { name: fr.name, slug: fr.slug, description: demo.productDescriptionBlocks(fr) }, shared: { sku: product.sku } },
      { ...relations, name: product.name, slug: product.slug, description: demo.productDescriptionBlocks(product) },
    );
  }
}

async function seedPeople(strapi: Strapi) {
  for (const consultant of demo.consultants) {
    const created = await strapi.documents('api::consultant.consultant').create({ data: consultant });
    const stored = await strapi.db.query('api::consultant.consultant').findOne({ where: { documentId: created.documentId }, populate: { user: true } });
    // Demo consultants skip the invitation: both accounts get the demo passwords.
    await strapi.documents(USER).update({ documentId: stored.user.documentId, data: { password: demo.demoPassword } });
    await strapi.service('admin::user').updateById(stored.adminUserId, { password: demo.panelPassword, isActive: true, registrationToken: null });
  }
  const registration = strapi.service('api::account.registration');
  for (const client of demo.clients) {
    const user = await registration.register({ ...client, password: demo.demoPassword });
    await strapi.db.query(USER).update({ where: { id: user.id }, data: { confirmed: true, confirmationToken: null } });
  }
}

/**
 * Orders in every status, placed and moved through the real services: checkout,
 * simulated card payments, consultants' status changes with comments, internal notes.
 */
async function seedOrders(strapi: Strapi) {
  const customers = await strapi.db.query(USER).findMany({
    where: { role: { type: 'customer' } },
    orderBy: { id: 'asc' },
    populate: { consultant: { select: ['firstName', 'lastName'] } },
  });
  const cart = strapi.service('api::cart.cart');
  const checkout = strapi.service('api::order.checkout');
  const payments = strapi.service('api::order.payments');
  const lifecycle = strapi.service('api::order.lifecycle');
  const journeys: string[][] = [
    ['delivered', 'in_progress'],
    ['shipped', 'awaiting_payment'],
    ['delivered', 'payment_failed', 'paid'],
    ['cancelled', 'in_progress'],
    ['delivered', 'shipped'],
    ['paid', 'delivered'],
    ['in_progress', 'awaiting_payment'],
    ['delivered', 'cancelled'],
  ];
  const comments: Record<string, string> = {
    in_progress: 'Your order is being prepared in our partner warehouse.',
    shipped: 'Shipped by low-emission freight; tracking number sent by email.',
    delivered: 'Delivered and signed for. Thank you for choosing Ventalis!',
    cancelled: 'Cancelled at your request; the payment has been refunded.',
  };
  const path: Record<string, string[]> = {
    paid: [],
    in_progress: ['in_progress'],
    shipped: ['in_progress', 'shipped'],
    delivered: ['in_progress', 'shipped', 'delivered'],
    cancelled: ['cancelled'],
  };
  for (const [index, customer] of customers.entries()) {
    const consultant = { role: 'consultant', name: customer.consultant ? `${customer.consultant.firstName} ${customer.consultant.lastName}` : null };
    for (const [n, target] of (journeys[index % journeys.length] ?? []).entries()) {
      const product = demo.products[(index * 5 + n * 11) % demo.products.length];
      await cart.add(customer.id, product.slug, product.minQuantity * (1 + (n % 3)));
      const { order } = await checkout.checkout(customer.id, crypto.randomUUID());
      if (target === 'awaiting_payment') continue;
      await payments.paySimulated(order, target === 'payment_failed' ? '4000000000000002' : '4242424242424242');
      if (target === 'payment_failed') {
        await cart.empty(customer.id);
        continue;
      }
      for (const step of path[target]) {
        const current = await lifecycle.load({ id: order.id });
        await lifecycle.consultantChange(current, step, comments[step], consultant);
      }
      if (n === 0) {
        await strapi.db.query('api::order.order-note').create({
          data: { order: order.id, authorName: consultant.name, body: 'Prefers deliveries before 10 am; dock 3.' },
        });
      }
    }
  }
  // Demo orders awaiting payment stay payable for a week instead of the usual delay.
  await strapi.db.query('api::order.order').updateMany({ where: { status: 'awaiting_payment' }, data: { paymentExpiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000) } });
  // Spread the orders over the past months, as a real history would be: each order's
  // status changes follow its placing a day or two apart.
  const day = 24 * 3600 * 1000;
  const all = await strapi.db.query('api::order.order').findMany({ select: ['id'], orderBy: { id: 'asc' } });
  for (const [i, { id }] of all.entries()) {
    const placedAt = Date.now() - (all.length - i) * 9 * day;
    // The reference carries the day the order was placed, not the day the demo was loaded.
    await strapi.db.query('api::order.order').update({ where: { id }, data: { placedAt: new Date(placedAt), reference: checkout.referenceFor(new Date(placedAt)) } });
    const events = await strapi.db.query('api::order.order-event').findMany({ where: { order: { id } }, select: ['id'], orderBy: { id: 'asc' } });
    for (const [k, event] of events.entries()) {
      await strapi.db.query('api::order.order-event').update({ where: { id: event.id }, data: { createdAt: new Date(placedAt + k * 1.5 * day + (k > 0 ? 3_600_000 : 0)) } });
    }
  }
}

/**
 * The demo companies at work: colleagues who joined with a role (and limits), payment on
 * invoice granted, an order on invoice and one waiting for an admin's approval, all through
 * the services a real company goes through.
 */
async function seedCompanies(strapi: Strapi) {
  // A database whose demo clients are not all there (edited by hand, say) is left as it is.
  const admins = [...new Set([...demo.companyMembers.map((m) => m.company), ...demo.paymentTerms.map((t) => t.client)])];
  if ((await strapi.db.query(USER).count({ where: { email: { $in: admins }, company: { id: { $notNull: true } } } })) < admins.length) return;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'customer' }, select: ['id'] });
  const companyOf = async (email: string) => (await strapi.db.query(USER).findOne({ where: { email }, populate: { company: { select: ['id'] } } })).company.id as number;
  for (const member of demo.companyMembers) {
    const user = await strapi.plugin('users-permissions').service('user').add({
      username: member.email,
      email: member.email,
      password: demo.demoPassword,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
      firstName: member.firstName,
      lastName: member.lastName,
      phone: member.phone,
      language: member.locale,
      company: await companyOf(member.company),
      companyRole: member.role,
      orderLimitCents: member.orderLimitCents ?? null,
      monthlyLimitCents: member.monthlyLimitCents ?? null,
    });
    await strapi.service('api::consultant.assignment').followCompanyConsultant(user.id);
  }
  for (const { client, ...terms } of demo.paymentTerms) await strapi.service('api::company.terms').setTerms(await companyOf(client), terms);
  const cart = strapi.service('api::cart.cart');
  const checkout = strapi.service('api::order.checkout');
  for (const order of demo.companyOrders) {
    const buyer = await strapi.db.query(USER).findOne({ where: { email: order.buyer }, select: ['id'] });
    await cart.add(buyer.id, frenchOf(demo.productsFr, order.productSlug).slug, order.quantity);
    const placed = (await checkout.checkout(buyer.id, crypto.randomUUID(), { paymentMethod: order.paymentMethod, purchaseOrderNumber: order.purchaseOrderNumber })).order;
    // Placed yesterday, like the rest of the history (its reference carries that day); its deadlines follow.
    const placedAt = new Date(Date.now() - 24 * 3600 * 1000);
    const row = await strapi.db.query('api::order.order').findOne({ where: { id: placed.id }, select: ['paymentTerms', 'status'] });
    const due = row.paymentTerms ? paymentDueDate(row.paymentTerms, placedAt) : null;
    await strapi.db.query('api::order.order').update({
      where: { id: placed.id },
      data: {
        placedAt,
        reference: checkout.referenceFor(placedAt),
        ...(due ? { paymentDueAt: due.toISOString().slice(0, 10) } : {}),
        ...(row.status === 'awaiting_approval' ? { approvalExpiresAt: addWorkingDays(placedAt, APPROVAL_WORKING_DAYS) } : {}),
      },
    });
    for (const event of await strapi.db.query('api::order.order-event').findMany({ where: { order: { id: placed.id } }, select: ['id'] })) {
      await strapi.db.query('api::order.order-event').update({ where: { id: event.id }, data: { createdAt: placedAt } });
    }
  }
}

/** The demo quotes, asked from the buyers' carts and sent by their consultants through the quotes' own service. */
async function seedQuotes(strapi: Strapi) {
  const cart = strapi.service('api::cart.cart');
  const quotes = strapi.service('api::quote.quotes');
  for (const quote of demo.companyQuotes) {
    const buyer = await strapi.db.query(USER).findOne({ where: { email: quote.buyer }, populate: { company: { select: ['id'], populate: { consultant: { select: ['id'], populate: { user: { select: ['id', 'firstName', 'lastName'] } } } } } } });
    const consultant = buyer?.company?.consultant?.user;
    if (!consultant) continue;
    const slug = frenchOf(demo.productsFr, quote.productSlug).slug;
    await cart.add(buyer.id, slug, quote.cartQuantity);
    const asked = await quotes.request(buyer.id, { message: quote.message, lines: [{ product: slug, quantity: quote.askedQuantity }] });
    if (quote.offer) {
      const { offer } = quote;
      await quotes.send(consultant.id, asked.number, { lines: [{ product: slug, quantity: offer.quantity, pricePer1000Cents: offer.pricePer1000Cents }], comment: offer.comment }, `${consultant.firstName} ${consultant.lastName}`);
    }
  }
}

/** The demo companies' negotiated prices, set through the consultants' own service (overlaps refused). */
async function seedAgreements(strapi: Strapi) {
  const prices = strapi.service('api::company.prices');
  const day = (offset: number) => new Date(Date.now() + offset * 24 * 3600 * 1000).toISOString().slice(0, 10);
  for (const agreement of demo.agreements) {
    const user = await strapi.db.query(USER).findOne({
      where: { email: agreement.client },
      populate: { company: { select: ['id'], populate: { consultant: { select: ['id'], populate: { user: { select: ['id'] } } } } } },
    });
    const company = user?.company;
    if (!company?.consultant?.user) continue;
    const period = { startsOn: day(agreement.startsInDays), endsOn: day(agreement.endsInDays) };
    const input =
      agreement.kind === 'category_discount'
        ? { kind: agreement.kind, category: agreement.categorySlug, discountBasisPoints: agreement.discountBasisPoints, ...period }
        : { kind: agreement.kind, product: agreement.productSlug, netPriceCents: agreement.netPriceCents, ...period };
    await prices.create(company.id, company.consultant.user.id, input, 'fr');
  }
}

/** The Home and "Our commitment" pages, published in French and English. */
/** The seller's details, then the invoices of the demo orders whose sale is certain, as the minute's sweep would issue them. */
async function seedInvoices(strapi: Strapi) {
  await strapi.documents('api::seller.seller').create({ data: demo.seller } as never);
  await strapi.service('api::document.invoices').sweep();
}

async function seedPages(strapi: Strapi, pictures: Awaited<ReturnType<typeof pictureUploader>>) {
  for (const [uid, versions, name] of [
    ['api::home-page.home-page', { fr: demo.homePageFr, en: demo.homePage }, 'home'],
    ['api::commitment-page.commitment-page', { fr: demo.commitmentPageFr, en: demo.commitmentPage }, 'commitment'],
  ] as const) {
    let documentId = (await strapi.db.query(uid).findOne({ where: { locale: 'fr' }, select: ['documentId'] }))?.documentId as string | undefined;
    for (const locale of ['fr', 'en'] as const) {
      const page = versions[locale];
      const blocks = [];
      for (const [i, block] of page.blocks.entries()) {
        // Each block its own picture, named after the block in the page's language: one page
        // title on both would show the same picture twice.
        const image =
          block.__component === 'blocks.image-text' || block.__component === 'blocks.hero'
            ? await pictures.upload(`${name}-${locale}-${i}`, block.title, block.__component === 'blocks.hero' ? '#2f6b4f' : '#3f7d4e')
            : undefined;
        blocks.push(image ? { ...block, image } : block);
      }
      const data = { ...page, blocks };
      documentId = documentId
        ? (await strapi.documents(uid).update({ documentId, locale, data, status: 'published' })).documentId
        : (await strapi.documents(uid).create({ locale, data, status: 'published' })).documentId;
    }
  }
}

/**
 * Loads the demo data into an empty database, once. A demo database loaded before the
 * catalogue and pages were bilingual gets their French and English versions, once.
 */
export async function seed(strapi: Strapi): Promise<boolean> {
  const marker = strapi.store({ type: 'plugin', name: 'ventalis' });
  const bilingual = { key: 'demo-data-bilingual', value: { loadedAt: new Date().toISOString() } };
  const agreements = { key: 'demo-data-agreements', value: { loadedAt: new Date().toISOString() } };
  const companies = { key: 'demo-data-companies', value: { loadedAt: new Date().toISOString() } };
  const invoices = { key: 'demo-data-invoices', value: { loadedAt: new Date().toISOString() } };
  const quotes = { key: 'demo-data-quotes', value: { loadedAt: new Date().toISOString() } };
  if (await marker.get({ key: 'demo-data' })) {
    let changed = false;
    if (!(await marker.get({ key: bilingual.key }))) {
      const pictures = await pictureUploader(strapi);
      try {
        await seedCatalogue(strapi, pictures, true);
        await seedPages(strapi, pictures);
      } finally {
        await pictures.close();
      }
      await marker.set(bilingual);
      changed = true;
    }
    // A demo database from before negotiated prices gets the demo agreements, once.
    if (!(await marker.get({ key: agreements.key }))) {
      await seedAgreements(strapi);
      await marker.set(agreements);
      changed = true;
    }
    // A demo database from before client companies had members gets the demo colleagues, once.
    if (!(await marker.get({ key: companies.key }))) {
      await seedCompanies(strapi);
      await marker.set(companies);
      changed = true;
    }
    // A demo database from before invoices gets the seller's details and its invoices, once.
    if (!(await marker.get({ key: invoices.key }))) {
      await seedInvoices(strapi);
      await marker.set(invoices);
      changed = true;
    }
    // A demo database from before quotes gets the demo quotes, once.
    if (!(await marker.get({ key: quotes.key }))) {
      await seedQuotes(strapi);
      await marker.set(quotes);
      changed = true;
    }
    return changed;
  }
  const pictures = await pictureUploader(strapi);
  try {
    await seedPanelAccounts(strapi);
    await seedCatalogue(strapi, pictures, false);
    await seedPeople(strapi);
    // The demo order history is paid with the simulated provider even when Stripe is
    // configured: no PaymentIntents are created for it at Stripe.
    const payments = strapi.config.get('ventalis.payments') as { provider: string };
    strapi.config.set('ventalis.payments', { ...payments, provider: 'simulated' });
    try {
      await seedOrders(strapi);
    } finally {
      strapi.config.set('ventalis.payments', payments);
    }
    await seedPages(strapi, pictures);
    // After the order history, which was placed at list prices.
    await seedAgreements(strapi);
    await seedCompanies(strapi);
    await seedInvoices(strapi);
    await seedQuotes(strapi);
  } finally {
    await pictures.close();
  }
  await marker.set({ key: 'demo-data', value: { loadedAt: new Date().toISOString() } });
  await marker.set(bilingual);
  await marker.set(agreements);
  await marker.set(companies);
  await marker.set(invoices);
  await marker.set(quotes);
  return true;
}

export function demoLogins(): string[] {
  return [
    `Admin panel   ${demo.panelAccounts.map((a) => `${a.email} (${a.role})`).join(', ')} / ${demo.panelPassword}`,
    `Consultants   ${demo.consultants.map((c) => c.email).join(', ')} / storefront ${demo.demoPassword}, panel ${demo.panelPassword}`,
    `Clients       ${demo.clients.map((c) => c.email).join(', ')} / ${demo.demoPassword}`,
    `Negotiated prices for ${[...new Set(demo.agreements.map((a) => a.client))].join(', ')}`,
    `Company members ${demo.companyMembers.map((m) => `${m.email} (${m.role})`).join(', ')} / ${demo.demoPassword}`,
  ];
}

if (import.meta.main) {
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'warn';
  await strapi.load();
  const loaded = await seed(strapi);
  console.log(loaded ? 'Demo data loaded.' : 'Demo data already present: kept as it is.');
  await strapi.destroy();
  process.exit(0);
}
