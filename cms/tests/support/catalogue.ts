import type { Core } from '@strapi/strapi';

/**
 * A small catalogue: Packaging (visible) with sub-category Mailers, Cleaning (visible),
 * Archive (hidden); labels FSC and EU Ecolabel. Each product has a SKU (`KRAFT-BOX`…).
 */
export async function seedCatalogue(strapi: Core.Strapi) {
  const docs = strapi.documents;
  const fsc = await docs('api::eco-label.eco-label').create({ data: { name: 'FSC', slug: 'fsc' } });
  const ecolabel = await docs('api::eco-label.eco-label').create({ data: { name: 'EU Ecolabel', slug: 'eu-ecolabel' } });
  const packaging = await docs('api::category.category').create({ data: { name: 'Packaging', slug: 'packaging', visible: true, position: 1 } });
  const mailers = await docs('api::category.category').create({ data: { name: 'Mailers', slug: 'mailers', visible: true, parent: packaging.documentId } as never });
  const cleaning = await docs('api::category.category').create({ data: { name: 'Cleaning', slug: 'cleaning', visible: true, position: 2 } });
  const archive = await docs('api::category.category').create({ data: { name: 'Archive', slug: 'archive', visible: false } });

  const product = (name: string, slug: string, category: string, priceCents: number, co2e: number, labels: string[], extra: Record<string, unknown> = {}) =>
    docs('api::product.product').create({
      data: {
        name,
        slug,
        category,
        priceCents,
        vatRate: 'standard_20',
        minQuantity: 1000,
        quantityStep: 100,
        stock: 50_000,
        labels,
        recycledContentPercent: 80,
        co2eKgPer1000: co2e,
        countryOfOrigin: 'FR',
        description: [{ type: 'paragraph', children: [{ type: 'text', text: `${name}, made in France.` }] }],
        ...extra,
      } as never,
    });

  await product('Kraft shipping box', 'kraft-shipping-box', packaging.documentId, 65_000, 120.5, [fsc.documentId], { sku: 'KRAFT-BOX' });
  await product('Recycled mailer bag', 'recycled-mailer-bag', mailers.documentId, 9_900, 18.2, [fsc.documentId, ecolabel.documentId], { sku: 'MAILER-BAG' });
  await product('Paper padded envelope', 'paper-padded-envelope', mailers.documentId, 21_000, 25, [], { sku: 'PADDED-ENV' });
  await product('Plant-based dish soap', 'plant-based-dish-soap', cleaning.documentId, 450_000, 300, [ecolabel.documentId], { vatRate: 'intermediate_10', countryOfOrigin: 'BE', sku: 'DISH-SOAP' });
  await product('Old stock crate', 'old-stock-crate', archive.documentId, 1_000, 1, [], { sku: 'OLD-CRATE' });
  return { fsc, ecolabel, packaging, mailers, cleaning, archive };
}
