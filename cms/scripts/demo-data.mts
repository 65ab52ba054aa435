/**
 * Ventalis demo data: the catalogue, accounts and content pages the seed script
 * loads into a fresh Strapi. Pure data plus two small pure helpers
 * (rich-text building and SVG picture rendering): no Strapi calls, no I/O.
 *
 * The texts here are the English version; demo-data-fr.mts holds the French one (French is
 * the default locale), keyed by the English slugs, which stay the keys between entries.
 *
 * Conventions
 * - Prices are in euro cents for 1,000 units, excluding VAT.
 * - Quantities (minQuantity, quantityStep, stock) are in units; minQuantity is
 *   always a multiple of quantityStep.
 * - co2eKgPer1000 is the cradle-to-gate footprint in kg CO2e per 1,000 units.
 * - SIRET numbers pass the Luhn check and VAT numbers carry the French key
 *   computed from the SIREN: (12 + 3 × (SIREN mod 97)) mod 97.
 */

import { frenchTypography } from './demo-data-fr.mts';

export { categoriesFr, ecoLabelsFr, frenchTypography, productsFr, type FrenchProductText, type FrenchText } from './demo-data-fr.mts';

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

export type VatRate = 'standard_20' | 'intermediate_10' | 'reduced_5_5' | 'super_reduced_2_1';

export interface DemoEcoLabel {
  name: string;
  slug: string;
  description: string;
}

export interface DemoCategory {
  name: string;
  slug: string;
  description: string;
  /** Order among its siblings, starting at 1. */
  position: number;
  /** Slug of the parent category; absent for top-level categories. */
  parentSlug?: string;
}

export interface DemoProduct {
  name: string;
  slug: string;
  /** The reference buyers type in a quick order: capitals, digits and dashes, the same in every language. */
  sku: string;
  categorySlug: string;
  /** One sentence. */
  summary: string;
  /** Two or three sentences. */
  description: string;
  /** Euro cents for 1,000 units, excluding VAT. */
  priceCents: number;
  vatRate: VatRate;
  minQuantity: number;
  quantityStep: number;
  stock: number;
  labelSlugs: string[];
  recycledContentPercent: number;
  /** kg CO2e per 1,000 units, at most 2 decimals. */
  co2eKgPer1000: number;
  /** ISO 3166-1 alpha-2, upper case. */
  countryOfOrigin: string;
  /** Hex colour used as the background of the generated picture. */
  color: string;
}

export interface DemoConsultant {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

export interface DemoAddress {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface DemoClient {
  companyName: string;
  siret: string;
  vatNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  billingAddress: DemoAddress;
}

export interface DemoPanelAccount {
  firstname: string;
  lastname: string;
  email: string;
  role: 'super-admin' | 'marketer';
}

// Strapi "blocks" rich text

export interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface LinkNode {
  type: 'link';
  url: string;
  children: TextNode[];
}

export interface ParagraphNode {
  type: 'paragraph';
  children: Array<TextNode | LinkNode>;
}

export interface HeadingNode {
  type: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  children: TextNode[];
}

export interface ListItemNode {
  type: 'list-item';
  children: Array<TextNode | LinkNode>;
}

export interface ListNode {
  type: 'list';
  format: 'ordered' | 'unordered';
  children: ListItemNode[];
}

export type BlockNode = ParagraphNode | HeadingNode | ListNode;
export type BlocksContent = BlockNode[];

// Dynamic-zone components

export interface HeroBlock {
  __component: 'blocks.hero';
  title: string;
  subtitle: string;
  ctaLabel: string;
  ctaUrl: string;
}

export interface RichTextBlock {
  __component: 'blocks.rich-text';
  body: BlocksContent;
}

export interface KeyFigure {
  value: string;
  label: string;
}

export interface KeyFiguresBlock {
  __component: 'blocks.key-figures';
  title: string;
  figures: KeyFigure[];
}

export interface ImageTextBlock {
  __component: 'blocks.image-text';
  title: string;
  body: BlocksContent;
  imagePosition: 'left' | 'right';
}

export interface CallToActionBlock {
  __component: 'blocks.call-to-action';
  title: string;
  text: string;
  buttonLabel: string;
  buttonUrl: string;
}

export type PageBlock = HeroBlock | RichTextBlock | KeyFiguresBlock | ImageTextBlock | CallToActionBlock;

export interface DemoPage {
  title: string;
  seoDescription: string;
  blocks: PageBlock[];
}

// ---------------------------------------------------------------------------
// Rich-text helpers
// ---------------------------------------------------------------------------

function text(value: string): TextNode {
  return { type: 'text', text: value };
}

function paragraph(value: string): ParagraphNode {
  return { type: 'paragraph', children: [text(value)] };
}

function heading(value: string, level: HeadingNode['level'] = 2): HeadingNode {
  return { type: 'heading', level, children: [text(value)] };
}

/** Strapi blocks rich text for a product: its summary, then its description. */
export function productDescriptionBlocks(product: Pick<DemoProduct, 'summary' | 'description'>): BlocksContent {
  return [product.summary, product.description]
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(paragraph);
}

// ---------------------------------------------------------------------------
// Eco labels
// ---------------------------------------------------------------------------

export const ecoLabels: DemoEcoLabel[] = [
  {
    name: 'EU Ecolabel',
    slug: 'eu-ecolabel',
    description:
      'The official European Union label for products with a reduced environmental impact across their life cycle, from raw materials to disposal. Criteria are set per product group and checked by an independent competent body.',
  },
  {
    name: 'FSC',
    slug: 'fsc',
    description:
      'Forest Stewardship Council certification: wood and paper fibres come from responsibly managed forests, recycled material or controlled sources, tracked through a chain of custody.',
  },
  {
    name: 'PEFC',
    slug: 'pefc',
    description:
      'Programme for the Endorsement of Forest Certification: fibres come from sustainably managed forests, with chain-of-custody certification from forest to finished product.',
  },
  {
    name: 'Cradle to Cradle',
    slug: 'cradle-to-cradle',
    description:
      'Cradle to Cradle Certified assesses material health, product circularity, clean air and climate protection, water and soil stewardship, and social fairness.',
  },
  {
    name: 'EU Organic',
    slug: 'eu-organic',
    description:
      'The EU organic logo (Regulation (EU) 2018/848): at least 95 % of agricultural ingredients are organic, grown without synthetic pesticides or fertilisers, and the operator is inspected every year.',
  },
  {
    name: 'Blue Angel',
    slug: 'blue-angel',
    description:
      'Der Blaue Engel, the German federal government eco label since 1978. For paper products it requires 100 % recovered fibre and bans harmful bleaching and additives.',
  },
  {
    name: 'Nordic Swan',
    slug: 'nordic-swan',
    description:
      'The official Nordic ecolabel: strict requirements on chemicals, energy use and raw materials, reviewed regularly so that only the best performers in a product group qualify.',
  },
  {
    name: 'OEKO-TEX',
    slug: 'oeko-tex',
    description:
      'OEKO-TEX STANDARD 100: every component of the textile, from thread to buttons, has been tested for harmful substances by an independent institute.',
  },
  {
    name: 'Compostable EN 13432',
    slug: 'compostable-en-13432',
    description:
      'Conforms to European standard EN 13432: the packaging breaks down in industrial composting within 12 weeks, leaves no harmful residue and does not affect compost quality.',
  },
  {
    name: '100% Recycled',
    slug: 'recycled',
    description:
      'Made entirely from post-consumer or post-industrial recycled material, verified by the manufacturer’s chain-of-custody documentation.',
  },
  {
    name: 'GOTS',
    slug: 'gots',
    description:
      'Global Organic Textile Standard: at least 70 % certified organic fibres, with environmental and social criteria applied at every processing stage.',
  },
  {
    name: 'Fairtrade',
    slug: 'fairtrade',
    description:
      'Fairtrade certification guarantees producers a minimum price and a premium to invest in their communities, with standards on working conditions and the environment.',
  },
];

// ---------------------------------------------------------------------------
// Categories: 6 top-level families, one level of sub-categories
// ---------------------------------------------------------------------------

export const categories: DemoCategory[] = [
  // Packaging
  {
    name: 'Packaging',
    slug: 'packaging',
    description:
      'Shipping boxes, mailers and protective fillers made from recycled or certified fibres, sized for e-commerce and warehouse logistics.',
    position: 1,
  },
  {
    name: 'Shipping Boxes',
    slug: 'shipping-boxes',
    description: 'Single- and double-wall corrugated boxes in recycled kraft, delivered flat.',
    position: 1,
    parentSlug: 'packaging',
  },
  {
    name: 'Mailers & Envelopes',
    slug: 'mailers-envelopes',
    description: 'Mailer boxes, paper mailing bags and paper-padded envelopes that replace plastic poly bags.',
    position: 2,
    parentSlug: 'packaging',
  },
  {
    name: 'Void Fill & Protection',
    slug: 'void-fill',
    description: 'Paper-based cushioning and fillers that replace bubble wrap and polystyrene chips.',
    position: 3,
    parentSlug: 'packaging',
  },

  // Paper & Office
  {
    name: 'Paper & Office',
    slug: 'paper-office',
    description:
      'Recycled and certified office paper, notebooks and filing, plus a little greenery for the workplace.',
    position: 2,
  },
  {
    name: 'Printer Paper',
    slug: 'printer-paper',
    description: 'Copy and printer paper by the ream, recycled or from certified forests.',
    position: 1,
    parentSlug: 'paper-office',
  },
  {
    name: 'Notebooks & Filing',
    slug: 'notebooks-filing',
    description: 'Notebooks, files and archiving supplies in recycled board and paper.',
    position: 2,
    parentSlug: 'paper-office',
  },

  // Cleaning & Hygiene
  {
    name: 'Cleaning & Hygiene',
    slug: 'cleaning-hygiene',
    description:
      'Eco-labelled cleaning products, recycled paper hygiene and waste bags for offices, hotels and workshops.',
    position: 3,
  },
  {
    name: 'Cleaning Products',
    slug: 'cleaning-products',
    description: 'Concentrated, biodegradable cleaners and detergents with certified formulas.',
    position: 1,
    parentSlug: 'cleaning-hygiene',
  },
  {
    name: 'Paper Hygiene',
    slug: 'paper-hygiene',
    description: 'Toilet tissue and hand towels made from recovered fibre.',
    position: 2,
    parentSlug: 'cleaning-hygiene',
  },
  {
    name: 'Waste Bags',
    slug: 'waste-bags',
    description: 'Compostable bio-waste bags and bin liners made from recycled plastic.',
    position: 3,
    parentSlug: 'cleaning-hygiene',
  },

  // Food Service
  {
    name: 'Food Service',
    slug: 'food-service',
    description:
      'Single-use items for cafés, caterers and canteens, compliant with French and EU single-use plastic rules, plus organic hot drinks.',
    position: 4,
  },
  {
    name: 'Cups & Lids',
    slug: 'cups-lids',
    description: 'Hot and cold cups and their lids in paper, bagasse or plant-based materials.',
    position: 1,
    parentSlug: 'food-service',
  },
  {
    name: 'Cutlery & Straws',
    slug: 'cutlery-straws',
    description: 'Wooden cutlery and paper straws for take-away service.',
    position: 2,
    parentSlug: 'food-service',
  },
  {
    name: 'Food Containers',
    slug: 'food-containers',
    description: 'Take-away boxes, bowls and trays that are compostable or made from recycled material.',
    position: 3,
    parentSlug: 'food-service',
  },

  // Workwear & Textiles
  {
    name: 'Workwear & Textiles',
    slug: 'workwear-textiles',
    description: 'Work clothing and branded textiles in organic cotton and recycled fibres, made in Europe.',
    position: 5,
  },
  {
    name: 'Workwear',
    slug: 'workwear',
    description: 'Hard-wearing trousers and jackets for warehouses, workshops and field teams.',
    position: 1,
    parentSlug: 'workwear-textiles',
  },
  {
    name: 'Tote Bags & Aprons',
    slug: 'tote-bags-aprons',
    description: 'Reusable bags and aprons ready for your logo.',
    position: 2,
    parentSlug: 'workwear-textiles',
  },

  // Labels & Tape
  {
    name: 'Labels & Tape',
    slug: 'labels-tape',
    description: 'Paper tapes and recycled labels to close and mark your shipments without plastic.',
    position: 6,
  },
  {
    name: 'Adhesive Tape',
    slug: 'adhesive-tape',
    description: 'Kraft paper and gummed tapes that go into the recycling bin with the box.',
    position: 1,
    parentSlug: 'labels-tape',
  },
  {
    name: 'Labels',
    slug: 'labels',
    description: 'Shipping and product labels on recycled or certified paper.',
    position: 2,
    parentSlug: 'labels-tape',
  },
];

// ---------------------------------------------------------------------------
// Products: 40, sold by the thousand units
// ---------------------------------------------------------------------------

export const products: DemoProduct[] = [
  // Packaging › Shipping Boxes
  {
    name: 'Kraft Shipping Box S (200×150×100 mm)',
    slug: 'kraft-shipping-box-s',
    sku: 'VT-BOX-S',
    categorySlug: 'shipping-boxes',
    summary: 'A small single-wall shipping box in 100 % recycled kraft board.',
    description:
      'Made from recycled corrugated board in Normandy and delivered flat in bundles of 25. Its self-locking bottom folds in seconds and needs no tape underneath. Ideal for cosmetics, accessories and small spare parts.',
    priceCents: 45900,
    vatRate: 'standard_20',
    minQuantity: 1000,
    quantityStep: 500,
    stock: 180000,
    labelSlugs: ['fsc', 'recycled'],
    recycledContentPercent: 100,
    co2eKgPer1000: 118.4,
    countryOfOrigin: 'FR',
    color: '#8B5E34',
  },
  {
    name: 'Kraft Shipping Box M (310×220×150 mm)',
    slug: 'kraft-shipping-box-m',
    sku: 'VT-BOX-M',
    categorySlug: 'shipping-boxes',
    summary: 'The everyday medium shipping box in 100 % recycled single-wall kraft.',
    description:
      'Sized for books, textiles and boxed goods, it fits most parcel-locker compartments. The board is printable with water-based inks if you want your logo on it.',
    priceCents: 72500,
    vatRate: 'standard_20',
    minQuantity: 1000,
    quantityStep: 500,
    stock: 140000,
    labelSlugs: ['fsc', 'recycled'],
    recycledContentPercent: 100,
    co2eKgPer1000: 196.2,
    countryOfOrigin: 'FR',
    color: '#7A5230',
  },
  {
    name: 'Double-Wall Shipping Box L (400×300×300 mm)',
    slug: 'double-wall-shipping-box-l',
    sku: 'VT-BOX-L2W',
    categorySlug: 'shipping-boxes',
    summary: 'A sturdy double-wall box for heavy or fragile goods up to 30 kg.',
    description:
      'Double-wall BC-flute corrugated board made with 85 % recycled fibre and FSC-certified virgin liners. It stacks safely on pallets and survives courier networks without extra strapping.',
    priceCents: 118000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 250,
    stock: 60000,
    labelSlugs: ['fsc'],
    recycledContentPercent: 85,
    co2eKgPer1000: 412.75,
    countryOfOrigin: 'ES',
    color: '#6B4A2B',
  },

  // Packaging › Mailers & Envelopes
  {
    name: 'Kraft E-commerce Mailer Box (250×180×60 mm)',
    slug: 'kraft-ecommerce-mailer-box',
    sku: 'VT-MAIL-BOX',
    categorySlug: 'mailers-envelopes',
    summary: 'A flat mailer box with a tuck-in lid for letterbox-friendly deliveries.',
    description:
      'Die-cut from recycled E-flute board, it assembles without tape and fits French letterboxes. A tear strip and a second adhesive strip make returns easy.',
    priceCents: 58900,
    vatRate: 'standard_20',
    minQuantity: 1000,
    quantityStep: 500,
    stock: 95000,
    labelSlugs: ['fsc', 'recycled'],
    recycledContentPercent: 100,
    co2eKgPer1000: 142.3,
    countryOfOrigin: 'PT',
    color: '#9C6B3F',
  },
  {
    name: 'Recycled Paper Mailer Bag (320×410 mm)',
    slug: 'recycled-paper-mailer-bag',
    sku: 'VT-MAIL-BAG',
    categorySlug: 'mailers-envelopes',
    summary: 'A tear-resistant paper mailing bag that replaces plastic poly mailers for clothing.',
    description:
      'Made from 100 % recycled kraft paper with a peel-and-seal strip and a second strip for returns. It goes straight into the paper recycling bin after use.',
    priceCents: 18500,
    vatRate: 'standard_20',
    minQuantity: 2000,
    quantityStep: 1000,
    stock: 250000,
    labelSlugs: ['recycled', 'blue-angel'],
    recycledContentPercent: 100,
    co2eKgPer1000: 41.6,
    countryOfOrigin: 'DE',
    color: '#A0522D',
  },
  {
    name: 'Paper-Padded Envelope (220×340 mm)',
    slug: 'paper-padded-envelope',
    sku: 'VT-ENV-PAD',
    categorySlug: 'mailers-envelopes',
    summary: 'A padded envelope cushioned with paper honeycomb instead of plastic bubbles.',
    description:
      'Both the shell and the padding are recycled paper, so the whole envelope is recyclable in one stream. It protects books, electronics accessories and small fragile items.',
    priceCents: 32000,
    vatRate: 'standard_20',
    minQuantity: 1000,
    quantityStep: 500,
    stock: 120000,
    labelSlugs: ['recycled'],
    recycledContentPercent: 100,
    co2eKgPer1000: 63.9,
    countryOfOrigin: 'NL',
    color: '#8E6A43',
  },

  // Packaging › Void Fill & Protection
  {
    name: 'Honeycomb Paper Wrap Sheet (500×380 mm)',
    slug: 'honeycomb-paper-wrap-sheet',
    sku: 'VT-FILL-HONEY',
    categorySlug: 'void-fill',
    summary: 'Die-cut kraft sheets that expand into a protective honeycomb when stretched.',
    description:
      'A plastic-free alternative to bubble wrap, made from FSC-certified Swedish kraft. Sheets are supplied in boxes of 500 and need no dispenser.',
    priceCents: 5200,
    vatRate: 'standard_20',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 400000,
    labelSlugs: ['fsc'],
    recycledContentPercent: 0,
    co2eKgPer1000: 9.8,
    countryOfOrigin: 'SE',
    color: '#6F7D4C',
  },
  {
    name: 'Crinkle Paper Fill (1 kg bag)',
    slug: 'crinkle-paper-fill-1kg',
    sku: 'VT-FILL-CRK1',
    categorySlug: 'void-fill',
    summary: 'Shredded, zig-zag-cut recycled paper that cushions and presents gift boxes.',
    description:
      'Made from recycled paper offcuts and coloured with water-based dyes. It is home-compostable and fills a medium gift box with about 100 g.',
    priceCents: 260000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 100,
    stock: 3000,
    labelSlugs: ['recycled', 'compostable-en-13432'],
    recycledContentPercent: 100,
    co2eKgPer1000: 905.5,
    countryOfOrigin: 'FR',
    color: '#A8672F',
  },

  // Paper & Office (top level)
  {
    name: 'Potted Desk Succulent (6 cm pot)',
    slug: 'potted-desk-succulent',
    sku: 'VT-OFF-PLANT',
    categorySlug: 'paper-office',
    summary: 'A hardy organic succulent in a small recycled-plastic pot for desks and meeting rooms.',
    description:
      'Grown organically by a Dutch nursery without peat or chemical pesticides. It needs water only every two to three weeks, which makes it an easy welcome gift for new staff or clients.',
    priceCents: 124000,
    vatRate: 'intermediate_10',
    minQuantity: 500,
    quantityStep: 100,
    stock: 3000,
    labelSlugs: ['eu-organic'],
    recycledContentPercent: 60,
    co2eKgPer1000: 310,
    countryOfOrigin: 'NL',
    color: '#3F7D4E',
  },
  {
    name: 'Peat-Free Potting Compost (10 L bag)',
    slug: 'peat-free-potting-compost-10l',
    sku: 'VT-OFF-COMP10',
    categorySlug: 'paper-office',
    summary: 'Peat-free compost for office plants and green walls, based on composted green waste.',
    description:
      'Made in France from composted green waste, wood fibre and coconut-free additives. It protects peat bogs, which store large amounts of carbon, and comes in a bag made from recycled plastic.',
    priceCents: 238000,
    vatRate: 'intermediate_10',
    minQuantity: 500,
    quantityStep: 100,
    stock: 8000,
    labelSlugs: ['eu-ecolabel'],
    recycledContentPercent: 70,
    co2eKgPer1000: 620,
    countryOfOrigin: 'FR',
    color: '#5A4632',
  },

  // Paper & Office › Printer Paper
  {
    name: 'Recycled A4 Copy Paper 80 g/m² (ream of 500)',
    slug: 'recycled-a4-copy-paper-80g',
    sku: 'VT-PAP-A4R80',
    categorySlug: 'printer-paper',
    summary: 'A bright-white 100 % recycled A4 paper that runs smoothly in every office printer.',
    description:
      'Made entirely from recovered paper without chlorine bleaching. Its CIE whiteness of 150 makes it hard to tell from virgin-fibre paper, and it is certified for archiving.',
    priceCents: 389000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 100,
    stock: 24000,
    labelSlugs: ['blue-angel', 'eu-ecolabel', 'recycled'],
    recycledContentPercent: 100,
    co2eKgPer1000: 1640,
    countryOfOrigin: 'DE',
    color: '#4F6D7A',
  },
  {
    name: 'FSC A4 Office Paper 75 g/m² (ream of 500)',
    slug: 'fsc-a4-office-paper-75g',
    sku: 'VT-PAP-A4F75',
    categorySlug: 'printer-paper',
    summary: 'A lighter 75 g/m² A4 paper from certified Finnish forests that saves fibre on every print.',
    description:
      'Produced in Finland with mostly renewable energy, it uses about 6 % less fibre than standard 80 g/m² paper. Suitable for double-sided printing on laser and inkjet printers.',
    priceCents: 342000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 100,
    stock: 36000,
    labelSlugs: ['fsc', 'eu-ecolabel', 'nordic-swan'],
    recycledContentPercent: 0,
    co2eKgPer1000: 1985.4,
    countryOfOrigin: 'FI',
    color: '#3E5C76',
  },

  // Paper & Office › Notebooks & Filing
  {
    name: 'Recycled A5 Notebook (96 pages, dotted)',
    slug: 'recycled-a5-notebook-dotted',
    sku: 'VT-NOTE-A5D',
    categorySlug: 'notebooks-filing',
    summary: 'A stitched A5 notebook with a recycled board cover and 96 dotted pages.',
    description:
      'Inside pages and cover are made from 100 % recycled paper and printed with vegetable-based inks. The cover can be debossed with your logo from 1,000 units.',
    priceCents: 118000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 250,
    stock: 15000,
    labelSlugs: ['recycled', 'blue-angel'],
    recycledContentPercent: 100,
    co2eKgPer1000: 240.5,
    countryOfOrigin: 'IT',
    color: '#2F4858',
  },
  {
    name: 'Cardboard Lever Arch File A4 (75 mm)',
    slug: 'cardboard-lever-arch-file-a4',
    sku: 'VT-FILE-A4',
    categorySlug: 'notebooks-filing',
    summary: 'A lever arch file made of recycled board with no plastic coating.',
    description:
      'The cover is 92 % recycled board and the lever mechanism is recycled steel, so the file can be separated and recycled at end of life. It holds up to 500 sheets.',
    priceCents: 164000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 250,
    stock: 12000,
    labelSlugs: ['blue-angel'],
    recycledContentPercent: 92,
    co2eKgPer1000: 610.2,
    countryOfOrigin: 'DE',
    color: '#5B4B8A',
  },

  // Cleaning & Hygiene › Cleaning Products
  {
    name: 'Multi-Surface Cleaner Concentrate (1 L)',
    slug: 'multi-surface-cleaner-concentrate-1l',
    sku: 'VT-CLN-MULTI1',
    categorySlug: 'cleaning-products',
    summary: 'A plant-based concentrate that makes up to 100 litres of ready-to-use cleaner.',
    description:
      'Dilute 1 % in a spray bottle or bucket for floors, desks and kitchens. The readily biodegradable formula is free of phosphates and added fragrance, and the bottle is half recycled plastic.',
    priceCents: 246000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 100,
    stock: 20000,
    labelSlugs: ['eu-ecolabel', 'cradle-to-cradle'],
    recycledContentPercent: 50,
    co2eKgPer1000: 780.5,
    countryOfOrigin: 'BE',
    color: '#1F7A8C',
  },
  {
    name: 'Phosphate-Free Dishwasher Tablet',
    slug: 'phosphate-free-dishwasher-tablet',
    sku: 'VT-CLN-DISHTAB',
    categorySlug: 'cleaning-products',
    summary: 'An all-in-one dishwasher tablet in a water-soluble film, with no phosphates.',
    description:
      'Works at 40 °C for office kitchens and staff canteens. Tablets are supplied in cardboard boxes of 100 with no individual plastic wrapping.',
    priceCents: 9200,
    vatRate: 'standard_20',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 500000,
    labelSlugs: ['eu-ecolabel'],
    recycledContentPercent: 0,
    co2eKgPer1000: 24.8,
    countryOfOrigin: 'DE',
    color: '#2A6F97',
  },
  {
    name: 'Foaming Hand Soap Refill (500 ml)',
    slug: 'foaming-hand-soap-refill-500ml',
    sku: 'VT-CLN-SOAP500',
    categorySlug: 'cleaning-products',
    summary: 'A gentle foaming hand soap in a refill bottle made from 100 % recycled plastic.',
    description:
      'Fits standard foaming dispensers and gives about 1,200 washes per bottle. The formula is fragrance-free and suitable for frequent use in offices and hotels.',
    priceCents: 198000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 100,
    stock: 18000,
    labelSlugs: ['nordic-swan', 'eu-ecolabel'],
    recycledContentPercent: 100,
    co2eKgPer1000: 395,
    countryOfOrigin: 'SE',
    color: '#468FAF',
  },

  // Cleaning & Hygiene › Paper Hygiene
  {
    name: 'Recycled Toilet Tissue Roll (2-ply, 200 sheets)',
    slug: 'recycled-toilet-tissue-roll',
    sku: 'VT-HYG-TISSUE',
    categorySlug: 'paper-hygiene',
    summary: 'A soft two-ply toilet roll made entirely from recovered office paper.',
    description:
      'Produced in France from sorted office paper and wrapped in paper, not plastic. Rolls come in bales of 96 for washrooms in offices, schools and hotels.',
    priceCents: 29500,
    vatRate: 'standard_20',
    minQuantity: 2000,
    quantityStep: 1000,
    stock: 300000,
    labelSlugs: ['eu-ecolabel', 'recycled'],
    recycledContentPercent: 100,
    co2eKgPer1000: 118,
    countryOfOrigin: 'FR',
    color: '#5C8D89',
  },
  {
    name: 'Interfold Hand Towels (pack of 150)',
    slug: 'interfold-hand-towels-150',
    sku: 'VT-HYG-TOWEL150',
    categorySlug: 'paper-hygiene',
    summary: 'Absorbent interfolded paper towels for standard washroom dispensers.',
    description:
      'One-ply towels made from 100 % recycled fibre, dispensed one at a time to cut waste. Each pack of 150 is banded with paper.',
    priceCents: 118000,
    vatRate: 'standard_20',
    minQuantity: 1000,
    quantityStep: 500,
    stock: 60000,
    labelSlugs: ['eu-ecolabel', 'recycled'],
    recycledContentPercent: 100,
    co2eKgPer1000: 340.6,
    countryOfOrigin: 'IT',
    color: '#48705F',
  },

  // Cleaning & Hygiene › Waste Bags
  {
    name: 'Compostable Bio-Waste Bag (10 L)',
    slug: 'compostable-bio-waste-bag-10l',
    sku: 'VT-BAG-BIO10',
    categorySlug: 'waste-bags',
    summary: 'A compostable kitchen-caddy liner for separate collection of food waste.',
    description:
      'Made from a starch-based bioplastic certified to EN 13432, it meets French bio-waste sorting requirements. Supplied on rolls of 50 bags.',
    priceCents: 6400,
    vatRate: 'standard_20',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 450000,
    labelSlugs: ['compostable-en-13432'],
    recycledContentPercent: 0,
    co2eKgPer1000: 14.2,
    countryOfOrigin: 'IT',
    color: '#6A994E',
  },
  {
    name: 'Recycled Bin Bag (100 L)',
    slug: 'recycled-bin-bag-100l',
    sku: 'VT-BAG-BIN100',
    categorySlug: 'waste-bags',
    summary: 'A heavy-duty 100-litre bin liner made from 100 % recycled polyethylene.',
    description:
      'Made from post-consumer plastic film recovered in Europe, at 40 microns it resists tearing in offices and warehouses. Supplied on rolls of 25.',
    priceCents: 18900,
    vatRate: 'standard_20',
    minQuantity: 2000,
    quantityStep: 1000,
    stock: 200000,
    labelSlugs: ['recycled'],
    recycledContentPercent: 100,
    co2eKgPer1000: 71.5,
    countryOfOrigin: 'PL',
    color: '#344E41',
  },

  // Food Service (top level)
  {
    name: 'Organic Green Tea Bags (individually wrapped)',
    slug: 'organic-green-tea-bags',
    sku: 'VT-FS-TEA',
    categorySlug: 'food-service',
    summary: 'An organic Sencha green tea in plastic-free, compostable bags.',
    description:
      'Each bag is sealed without plastic and wrapped in a paper envelope, ready for meeting rooms and hotel trays. The tea is organically grown and blended and packed in Germany.',
    priceCents: 6100,
    vatRate: 'reduced_5_5',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 240000,
    labelSlugs: ['eu-organic', 'compostable-en-13432'],
    recycledContentPercent: 0,
    co2eKgPer1000: 5.8,
    countryOfOrigin: 'DE',
    color: '#5F7F3A',
  },
  {
    name: 'Organic Coffee Capsule (compostable)',
    slug: 'organic-coffee-capsule',
    sku: 'VT-FS-COFFEE',
    categorySlug: 'food-service',
    summary: 'An organic Arabica espresso in a compostable, aluminium-free capsule.',
    description:
      'Roasted in Italy and compatible with the most common office espresso machines. Used capsules can go into the bio-waste bin with the coffee grounds.',
    priceCents: 24500,
    vatRate: 'reduced_5_5',
    minQuantity: 2000,
    quantityStep: 1000,
    stock: 150000,
    labelSlugs: ['eu-organic', 'compostable-en-13432'],
    recycledContentPercent: 0,
    co2eKgPer1000: 58.3,
    countryOfOrigin: 'IT',
    color: '#4B3621',
  },

  // Food Service › Cups & Lids
  {
    name: 'Hot Drink Cup 8 oz (water-based lining)',
    slug: 'hot-drink-cup-8oz',
    sku: 'VT-CUP-HOT8',
    categorySlug: 'cups-lids',
    summary: 'A 240 ml paper cup with a water-based barrier instead of a plastic lining.',
    description:
      'The plastic-free lining lets the cup be recycled with paper and cardboard. The board comes from FSC-certified forests and is printed with water-based inks.',
    priceCents: 7200,
    vatRate: 'standard_20',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 480000,
    labelSlugs: ['fsc', 'compostable-en-13432'],
    recycledContentPercent: 0,
    co2eKgPer1000: 19.6,
    countryOfOrigin: 'PT',
    color: '#BC4749',
  },
  {
    name: 'Bagasse Lid for 8 oz Cup',
    slug: 'bagasse-lid-8oz',
    sku: 'VT-LID-8',
    categorySlug: 'cups-lids',
    summary: 'A moulded sugarcane-fibre lid that fits our 8 oz hot drink cups.',
    description:
      'Made from bagasse, the fibre left over after sugar extraction, with no PFAS added. It is certified compostable and has a sip hole shaped to reduce drips.',
    priceCents: 8900,
    vatRate: 'standard_20',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 350000,
    labelSlugs: ['compostable-en-13432'],
    recycledContentPercent: 0,
    co2eKgPer1000: 11.3,
    countryOfOrigin: 'ES',
    color: '#A44A3F',
  },
  {
    name: 'PLA Cold Cup 12 oz',
    slug: 'pla-cold-cup-12oz',
    sku: 'VT-CUP-COLD12',
    categorySlug: 'cups-lids',
    summary: 'A clear 350 ml cold-drink cup made from plant-based PLA.',
    description:
      'Crystal-clear for smoothies, iced coffee and juices, and compostable in industrial facilities. Not suitable for drinks above 40 °C.',
    priceCents: 10400,
    vatRate: 'standard_20',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 220000,
    labelSlugs: ['compostable-en-13432'],
    recycledContentPercent: 0,
    co2eKgPer1000: 34.7,
    countryOfOrigin: 'NL',
    color: '#B23A48',
  },

  // Food Service › Cutlery & Straws
  {
    name: 'Birch Wood Fork (160 mm)',
    slug: 'birch-wood-fork',
    sku: 'VT-CUT-FORK',
    categorySlug: 'cutlery-straws',
    summary: 'A smooth, uncoated wooden fork made from FSC-certified Finnish birch.',
    description:
      'Sanded to avoid splinters and left untreated, it is compostable with food waste. Supplied in cardboard boxes of 1,000.',
    priceCents: 3200,
    vatRate: 'standard_20',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 500000,
    labelSlugs: ['fsc', 'compostable-en-13432'],
    recycledContentPercent: 0,
    co2eKgPer1000: 4.1,
    countryOfOrigin: 'FI',
    color: '#8C6A4F',
  },
  {
    name: 'Birch Wood Knife (165 mm)',
    slug: 'birch-wood-knife',
    sku: 'VT-CUT-KNIFE',
    categorySlug: 'cutlery-straws',
    summary: 'A sturdy wooden knife with a serrated edge, made from FSC-certified birch.',
    description:
      'Its serrated edge cuts salads, quiches and soft meats. Like the matching fork, it is untreated and compostable.',
    priceCents: 3400,
    vatRate: 'standard_20',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 420000,
    labelSlugs: ['fsc', 'compostable-en-13432'],
    recycledContentPercent: 0,
    co2eKgPer1000: 4.3,
    countryOfOrigin: 'FI',
    color: '#7F5539',
  },
  {
    name: 'Paper Drinking Straw (6×200 mm)',
    slug: 'paper-drinking-straw',
    sku: 'VT-CUT-STRAW',
    categorySlug: 'cutlery-straws',
    summary: 'A three-ply paper straw that stays firm for more than three hours in cold drinks.',
    description:
      'Made from FSC-certified paper with food-safe, plastic-free glue. Individually paper-wrapped versions are available on request.',
    priceCents: 1600,
    vatRate: 'standard_20',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 490000,
    labelSlugs: ['fsc', 'compostable-en-13432'],
    recycledContentPercent: 0,
    co2eKgPer1000: 2.35,
    countryOfOrigin: 'PL',
    color: '#C8553D',
  },

  // Food Service › Food Containers
  {
    name: 'Bagasse Clamshell Box (225×150 mm)',
    slug: 'bagasse-clamshell-box',
    sku: 'VT-FOOD-CLAM',
    categorySlug: 'food-containers',
    summary: 'A grease-resistant take-away clamshell moulded from sugarcane fibre.',
    description:
      'Suitable for hot meals, microwaves and refrigerators, with no PFAS added. It is certified compostable and closes securely with a snap lock.',
    priceCents: 12800,
    vatRate: 'standard_20',
    minQuantity: 2000,
    quantityStep: 500,
    stock: 160000,
    labelSlugs: ['compostable-en-13432'],
    recycledContentPercent: 0,
    co2eKgPer1000: 38.9,
    countryOfOrigin: 'ES',
    color: '#7D8F69',
  },
  {
    name: 'Kraft Salad Bowl 750 ml with Lid',
    slug: 'kraft-salad-bowl-750ml',
    sku: 'VT-FOOD-BOWL750',
    categorySlug: 'food-containers',
    summary: 'A round kraft bowl with a matching paper lid for salads and poke bowls.',
    description:
      'The bowl is FSC-certified board with a plant-based lining, and the lid is paper rather than plastic. Bowls nest compactly to save storage space in busy kitchens.',
    priceCents: 23500,
    vatRate: 'standard_20',
    minQuantity: 1000,
    quantityStep: 500,
    stock: 90000,
    labelSlugs: ['fsc', 'compostable-en-13432'],
    recycledContentPercent: 0,
    co2eKgPer1000: 52.4,
    countryOfOrigin: 'FR',
    color: '#997B66',
  },
  {
    name: 'Recycled PET Food Container (500 ml)',
    slug: 'recycled-pet-food-container-500ml',
    sku: 'VT-FOOD-RPET500',
    categorySlug: 'food-containers',
    summary: 'A clear, leak-proof container with a hinged lid, made from 100 % recycled PET.',
    description:
      'Made from food-grade recycled bottles in Italy and fully recyclable again after use. Ideal for cold dishes, desserts and fruit salads displayed in chilled cabinets.',
    priceCents: 13200,
    vatRate: 'standard_20',
    minQuantity: 2000,
    quantityStep: 500,
    stock: 130000,
    labelSlugs: ['recycled'],
    recycledContentPercent: 100,
    co2eKgPer1000: 44.8,
    countryOfOrigin: 'IT',
    color: '#457B9D',
  },

  // Workwear & Textiles › Workwear
  {
    name: 'Organic Cotton Work Trousers',
    slug: 'organic-cotton-work-trousers',
    sku: 'VT-WW-TROUSERS',
    categorySlug: 'workwear',
    summary: 'Hard-wearing work trousers in organic cotton canvas with knee-pad pockets.',
    description:
      'Sewn in Portugal from 300 g/m² organic cotton canvas reinforced at the seams. Available in sizes 36 to 56 and mixed sizes are allowed within an order.',
    priceCents: 2850000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 100,
    stock: 6000,
    labelSlugs: ['gots', 'oeko-tex'],
    recycledContentPercent: 0,
    co2eKgPer1000: 9250,
    countryOfOrigin: 'PT',
    color: '#2B2D42',
  },
  {
    name: 'Recycled Polyester Fleece Jacket',
    slug: 'recycled-polyester-fleece-jacket',
    sku: 'VT-WW-FLEECE',
    categorySlug: 'workwear',
    summary: 'A warm full-zip fleece jacket made from recycled plastic bottles.',
    description:
      'Each jacket gives a second life to about 25 PET bottles. The anti-pill finish keeps it looking smart after many washes in warehouses and on delivery rounds.',
    priceCents: 1890000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 100,
    stock: 5000,
    labelSlugs: ['recycled', 'oeko-tex'],
    recycledContentPercent: 100,
    co2eKgPer1000: 7420.5,
    countryOfOrigin: 'IT',
    color: '#3D405B',
  },

  // Workwear & Textiles › Tote Bags & Aprons
  {
    name: 'Organic Cotton Tote Bag (380×420 mm)',
    slug: 'organic-cotton-tote-bag',
    sku: 'VT-TX-TOTE',
    categorySlug: 'tote-bags-aprons',
    summary: 'A reusable tote bag in organic cotton, ready for screen printing.',
    description:
      'Made from 140 g/m² organic cotton with 70 cm handles for carrying over the shoulder. Screen or transfer printing of your logo is available from 1,000 bags.',
    priceCents: 164000,
    vatRate: 'standard_20',
    minQuantity: 1000,
    quantityStep: 500,
    stock: 40000,
    labelSlugs: ['gots', 'oeko-tex'],
    recycledContentPercent: 0,
    co2eKgPer1000: 1120,
    countryOfOrigin: 'PT',
    color: '#6D597A',
  },
  {
    name: 'Organic Cotton Bib Apron',
    slug: 'organic-cotton-bib-apron',
    sku: 'VT-TX-APRON',
    categorySlug: 'tote-bags-aprons',
    summary: 'A Fairtrade organic cotton apron for kitchens, cafés and shops.',
    description:
      'It has an adjustable neck strap, a front pocket and long ties, and is cut and sewn in northern France. Washable at 60 °C.',
    priceCents: 612000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 100,
    stock: 9000,
    labelSlugs: ['gots', 'fairtrade'],
    recycledContentPercent: 0,
    co2eKgPer1000: 2890,
    countryOfOrigin: 'FR',
    color: '#B56576',
  },

  // Labels & Tape › Adhesive Tape
  {
    name: 'Kraft Paper Tape 50 mm × 50 m',
    slug: 'kraft-paper-tape-50mm',
    sku: 'VT-TAPE-K50',
    categorySlug: 'adhesive-tape',
    summary: 'A brown kraft paper tape with natural rubber adhesive for closing cartons.',
    description:
      'Boxes sealed with it can go into the paper recycling bin without removing the tape. It works with standard hand dispensers.',
    priceCents: 129000,
    vatRate: 'standard_20',
    minQuantity: 1000,
    quantityStep: 500,
    stock: 70000,
    labelSlugs: ['fsc'],
    recycledContentPercent: 0,
    co2eKgPer1000: 96.4,
    countryOfOrigin: 'DE',
    color: '#A47148',
  },
  {
    name: 'Gummed Reinforced Tape 70 mm × 184 m',
    slug: 'gummed-reinforced-tape-70mm',
    sku: 'VT-TAPE-G70',
    categorySlug: 'adhesive-tape',
    summary: 'A water-activated, fibre-reinforced paper tape for heavy and tamper-evident parcels.',
    description:
      'The starch-based glue bonds with the fibres of the box, so the seal cannot be lifted without visible damage. It requires a water-activated tape dispenser.',
    priceCents: 348000,
    vatRate: 'standard_20',
    minQuantity: 500,
    quantityStep: 100,
    stock: 7500,
    labelSlugs: ['fsc'],
    recycledContentPercent: 30,
    co2eKgPer1000: 420.8,
    countryOfOrigin: 'SE',
    color: '#7F4F24',
  },

  // Labels & Tape › Labels
  {
    name: 'Recycled Shipping Label 100×150 mm',
    slug: 'recycled-shipping-label-100x150',
    sku: 'VT-LBL-SHIP',
    categorySlug: 'labels',
    summary: 'A direct-thermal shipping label on recycled paper that needs no ink ribbon.',
    description:
      'Compatible with the label printers and carrier formats used in France. The BPA-free thermal coating and recycled paper liner keep it out of plastic waste.',
    priceCents: 1400,
    vatRate: 'standard_20',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 500000,
    labelSlugs: ['recycled', 'blue-angel'],
    recycledContentPercent: 100,
    co2eKgPer1000: 0.85,
    countryOfOrigin: 'BE',
    color: '#2C6E49',
  },
  {
    name: 'Kraft Product Label Ø 40 mm',
    slug: 'kraft-product-label-40mm',
    sku: 'VT-LBL-K40',
    categorySlug: 'labels',
    summary: 'A round kraft paper label for jars, boxes and bags.',
    description:
      'Printable with laser or thermal-transfer printers and supplied on rolls of 1,000. The paper comes from PEFC-certified French forests.',
    priceCents: 900,
    vatRate: 'standard_20',
    minQuantity: 5000,
    quantityStep: 1000,
    stock: 380000,
    labelSlugs: ['pefc'],
    recycledContentPercent: 0,
    co2eKgPer1000: 0.31,
    countryOfOrigin: 'FR',
    color: '#6C584C',
  },
];

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

export const consultants: DemoConsultant[] = [
  { firstName: 'Camille', lastName: 'Laurent', email: 'camille.laurent@ventalis.example', phone: '+33 1 42 68 53 17' },
  { firstName: 'Thomas', lastName: 'Girard', email: 'thomas.girard@ventalis.example', phone: '+33 1 44 90 27 61' },
  { firstName: 'Inès', lastName: 'Benali', email: 'ines.benali@ventalis.example', phone: '+33 1 53 21 84 09' },
];

/** Client companies. SIRETs pass Luhn; VAT = "FR" + key + SIREN. */
export const clients: DemoClient[] = [
  {
    companyName: 'Maison Lavande Cosmétiques',
    siret: '84213657400014',
    vatNumber: 'FR17842136574',
    firstName: 'Claire',
    lastName: 'Dubois',
    email: 'claire.dubois@maison-lavande.example',
    phone: '+33 4 93 36 12 48',
    billingAddress: { line1: '27 boulevard du Jeu de Ballon', line2: '', postalCode: '06130', city: 'Grasse', country: 'FR' },
  },
  {
    companyName: 'Atelier Boréal',
    siret: '81947302600022',
    vatNumber: 'FR68819473026',
    firstName: 'Julien',
    lastName: 'Moreau',
    email: 'julien.moreau@atelier-boreal.example',
    phone: '+33 2 40 47 18 63',
    billingAddress: { line1: '8 quai de la Fosse', line2: '', postalCode: '44000', city: 'Nantes', country: 'FR' },
  },
  {
    companyName: 'Les Halles Gourmandes Traiteur',
    siret: '52368914900038',
    vatNumber: 'FR72523689149',
    firstName: 'Sophie',
    lastName: 'Martin',
    email: 'sophie.martin@halles-gourmandes.example',
    phone: '+33 4 78 62 35 90',
    billingAddress: { line1: '102 cours Lafayette', line2: '', postalCode: '69003', city: 'Lyon', country: 'FR' },
  },
  {
    companyName: 'Hôtel Les Tilleuls',
    siret: '43917560500013',
    vatNumber: 'FR77439175605',
    firstName: 'Marc',
    lastName: 'Perrin',
    email: 'marc.perrin@hotel-les-tilleuls.example',
    phone: '+33 4 50 45 27 81',
    billingAddress: { line1: '5 rue Royale', line2: '', postalCode: '74000', city: 'Annecy', country: 'FR' },
  },
  {
    companyName: 'Bureau Vert Conseil',
    siret: '89054271500010',
    vatNumber: 'FR31890542715',
    firstName: 'Nadia',
    lastName: 'Haddad',
    email: 'nadia.haddad@bureau-vert-conseil.example',
    phone: '+33 1 43 55 72 16',
    billingAddress: { line1: '41 rue Oberkampf', line2: '', postalCode: '75011', city: 'Paris', country: 'FR' },
  },
  {
    companyName: 'Fromagerie Delorme & Fils',
    siret: '39826145300045',
    vatNumber: 'FR63398261453',
    firstName: 'Antoine',
    lastName: 'Delorme',
    email: 'antoine.delorme@fromagerie-delorme.example',
    phone: '+33 3 20 55 41 37',
    billingAddress: { line1: '17 rue de la Monnaie', line2: '', postalCode: '59800', city: 'Lille', country: 'FR' },
  },
  {
    companyName: 'NordLog Fulfilment',
    siret: '85310698700011',
    vatNumber: 'FR29853106987',
    firstName: 'Élodie',
    lastName: 'Lefebvre',
    email: 'elodie.lefebvre@nordlog-fulfilment.example',
    phone: '+33 3 20 73 88 02',
    billingAddress: { line1: '230 avenue des Nations Unies', line2: '', postalCode: '59100', city: 'Roubaix', country: 'FR' },
  },
  {
    companyName: 'Café Solstice Torréfacteurs',
    siret: '79264085600029',
    vatNumber: 'FR75792640856',
    firstName: 'Hugo',
    lastName: 'Bernard',
    email: 'hugo.bernard@cafe-solstice.example',
    phone: '+33 5 56 44 19 75',
    billingAddress: { line1: '12 rue Notre-Dame', line2: '', postalCode: '33000', city: 'Bordeaux', country: 'FR' },
  },
];

/**
 * Negotiated prices of two demo companies, set by their consultants: days are counted from
 * the day the demo is loaded. Targets are named by their English slugs (the keys here); the
 * agreements point at the French rows, the reference of each product and category.
 */
export type DemoAgreement = { client: string; startsInDays: number; endsInDays: number } & (
  | { kind: 'category_discount'; categorySlug: string; discountBasisPoints: number }
  | { kind: 'net_price'; productSlug: string; netPriceCents: number }
);

export const agreements: DemoAgreement[] = [
  // Maison Lavande ships its cosmetics: packaging at -8 %, mailers (a sub-category) at -15 %, its usual box at a net price.
  { client: 'claire.dubois@maison-lavande.example', kind: 'category_discount', categorySlug: 'packaging', discountBasisPoints: 800, startsInDays: -45, endsInDays: 320 },
  { client: 'claire.dubois@maison-lavande.example', kind: 'category_discount', categorySlug: 'mailers-envelopes', discountBasisPoints: 1500, startsInDays: -45, endsInDays: 320 },
  { client: 'claire.dubois@maison-lavande.example', kind: 'net_price', productSlug: 'kraft-shipping-box-s', netPriceCents: 39_900, startsInDays: -45, endsInDays: 135 },
  // Les Halles Gourmandes: food service at -10 %, its hot drink cups at a net price; last season's cleaning discount has ended.
  { client: 'sophie.martin@halles-gourmandes.example', kind: 'category_discount', categorySlug: 'food-service', discountBasisPoints: 1000, startsInDays: -20, endsInDays: 180 },
  { client: 'sophie.martin@halles-gourmandes.example', kind: 'net_price', productSlug: 'hot-drink-cup-8oz', netPriceCents: 6_100, startsInDays: -20, endsInDays: 90 },
  { client: 'sophie.martin@halles-gourmandes.example', kind: 'category_discount', categorySlug: 'cleaning-hygiene', discountBasisPoints: 500, startsInDays: -200, endsInDays: -21 },
];

/** Shared password of the demo storefront accounts (clients and consultants). */
/** Who Ventalis is on its invoices (the panel's "Seller details"): fictitious, but valid by every rule. */
export const seller = {
  legalName: 'Ventalis',
  legalForm: 'SAS',
  shareCapitalEuros: 50000,
  address: { line1: '12 rue des Tanneurs', line2: '', postalCode: '69002', city: 'Lyon', country: 'FR' },
  siren: '732829320',
  siret: '73282932000074',
  rcsCity: 'Lyon',
  vatNumber: 'FR44732829320',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
  latePenaltyRateBasisPoints: 1215,
};

export const demoPassword = 'Ventalis-Demo-2026!';

/** Shared password of the demo admin-panel accounts. */
export const panelPassword = 'Ventalis-Admin-2026!';

export const panelAccounts: DemoPanelAccount[] = [
  { firstname: 'Ada', lastname: 'Admin', email: 'admin@ventalis.example', role: 'super-admin' },
  { firstname: 'Mona', lastname: 'Marketer', email: 'marketer@ventalis.example', role: 'marketer' },
];

// ---------------------------------------------------------------------------
// Content pages (figures derived from the catalogue above so they stay true)
// ---------------------------------------------------------------------------

const originCountryCount = new Set(products.map((p) => p.countryOfOrigin)).size;
const labelledShare = Math.round((100 * products.filter((p) => p.labelSlugs.length > 0).length) / products.length);
const averageRecycledContent = Math.round(
  products.reduce((sum, p) => sum + p.recycledContentPercent, 0) / products.length,
);

export const homePage: DemoPage = {
  title: 'Ventalis: eco-designed supplies for businesses',
  seoDescription:
    'Ventalis supplies French businesses with eco-labelled packaging, office paper, cleaning products, food-service disposables and workwear, sold by the thousand with carbon data for every product.',
  blocks: [
    {
      __component: 'blocks.hero',
      title: 'Eco-designed supplies for your business, by the thousand',
      subtitle:
        'Packaging, office paper, hygiene, food service and workwear, made in Europe, certified by recognised eco labels and priced transparently per 1,000 units.',
      ctaLabel: 'Browse the catalogue',
      ctaUrl: '/catalogue',
    },
    {
      __component: 'blocks.key-figures',
      title: 'Ventalis in figures',
      figures: [
        { value: `${labelledShare} %`, label: 'of our products carry at least one recognised eco label' },
        { value: `${originCountryCount}`, label: 'European countries where our products are made' },
        { value: `${averageRecycledContent} %`, label: 'average recycled content across the catalogue' },
        { value: '100 %', label: 'of products published with their kg CO2e per 1,000 units' },
      ],
    },
    {
      __component: 'blocks.image-text',
      title: 'A consultant who knows your business',
      body: [
        paragraph(
          'Every client account is looked after by a named Ventalis consultant. They help you size your orders, find lower-impact alternatives to what you buy today and plan deliveries to avoid half-empty trucks.',
        ),
        paragraph(
          'Ask a question about any product or order straight from your account: your consultant replies in the same conversation, usually within the working day.',
        ),
      ],
      imagePosition: 'right',
    },
    {
      __component: 'blocks.call-to-action',
      title: 'Open your business account',
      text: 'Every price is on the catalogue. Register with your SIRET number to order online, follow your deliveries and get your own consultant. It takes two minutes.',
      buttonLabel: 'Create an account',
      buttonUrl: '/register',
    },
  ],
};

export const commitmentPage: DemoPage = {
  title: 'Our commitment',
  seoDescription:
    'How Ventalis selects its products: European sourcing, independent eco labels, recycled content and published carbon data per 1,000 units, with a dedicated consultant for every client.',
  blocks: [
    {
      __component: 'blocks.hero',
      title: 'Fewer kilometres, fewer kilos of CO2e, no greenwashing',
      subtitle:
        'We only list products whose origin, certifications and footprint we can document. Here is how we choose them and what we publish.',
      ctaLabel: 'See our eco labels',
      ctaUrl: '/catalogue',
    },
    {
      __component: 'blocks.rich-text',
      body: [
        heading('How we choose what we sell'),
        paragraph(
          'Sourcing comes first. Every product in our catalogue is made in Europe, most of it in France and neighbouring countries, by manufacturers we have visited. Short supply chains mean fewer road and sea kilometres, and it also means we can check working conditions and certifications for ourselves.',
        ),
        paragraph(
          'Every product page shows its footprint in kilograms of CO2e per 1,000 units, the same unit we use for prices. The figure covers raw materials, manufacturing and transport to our warehouse, and comes from the manufacturer’s life-cycle data or a recognised emission-factor database. Publishing it per 1,000 units makes it easy to compare two products and to report on your own purchases.',
        ),
        paragraph(
          'We favour recycled material wherever it performs as well as virgin material: recovered fibre for boxes, paper and tissue, recycled polyethylene for bin bags and recycled PET for food containers. The recycled share is stated on each product, and products with the 100 % Recycled label contain nothing else.',
        ),
        paragraph(
          'Finally, a catalogue is not enough on its own. Each client has a dedicated consultant who reviews their orders, suggests lower-impact alternatives and groups deliveries, because the greenest box is often the one you did not need to order twice.',
        ),
      ],
    },
    {
      __component: 'blocks.key-figures',
      title: 'Our catalogue, measured',
      figures: [
        { value: `${originCountryCount}`, label: 'European countries of manufacture, no long-haul freight' },
        { value: `${ecoLabels.length}`, label: 'independent eco labels and certifications we recognise' },
        { value: `${averageRecycledContent} %`, label: 'average recycled content across the catalogue' },
        { value: `${labelledShare} %`, label: 'of products carry at least one eco label' },
      ],
    },
    {
      __component: 'blocks.image-text',
      title: 'Labels we trust, and why',
      body: [
        paragraph(
          'We only display independent, third-party certifications: the EU Ecolabel, FSC and PEFC for fibres, Blue Angel and Nordic Swan, Cradle to Cradle, OEKO-TEX and GOTS for textiles, EU Organic, and EN 13432 for compostable packaging.',
        ),
        paragraph(
          'Manufacturers send us their certificates every year and we remove a label from a product as soon as it expires.',
        ),
      ],
      imagePosition: 'left',
    },
    {
      __component: 'blocks.call-to-action',
      title: 'Find lower-impact alternatives to your current supplies',
      text: 'Filter the catalogue by eco label, recycled content or country of origin, and compare carbon footprints per 1,000 units.',
      buttonLabel: 'Explore the catalogue',
      buttonUrl: '/catalogue',
    },
  ],
};

// The French version of the pages (French is the default locale).

/** French typography on every text of a page. */
function typesetPage(page: DemoPage): DemoPage {
  const walk = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return ['__component', 'ctaUrl', 'buttonUrl', 'imagePosition', 'type', 'format', 'url'].includes(key) ? value : frenchTypography(value);
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(page) as DemoPage;
}

export const homePageFr: DemoPage = typesetPage({
  title: 'Ventalis : des fournitures éco-conçues pour les entreprises',
  seoDescription:
    "Ventalis fournit aux entreprises françaises emballages, papier de bureau, produits d'entretien, consommables de restauration et vêtements de travail écolabellisés, vendus au mille avec les données carbone de chaque produit.",
  blocks: [
    {
      __component: 'blocks.hero',
      title: 'Des fournitures éco-conçues pour votre entreprise, au mille',
      subtitle:
        'Emballages, papeterie, hygiène, restauration et vêtements de travail fabriqués en Europe, certifiés par des écolabels reconnus et affichés à prix transparents pour 1 000 unités.',
      ctaLabel: 'Parcourir le catalogue',
      ctaUrl: '/catalogue',
    },
    {
      __component: 'blocks.key-figures',
      title: 'Ventalis en chiffres',
      figures: [
        { value: `${labelledShare} %`, label: 'de nos produits portent au moins un écolabel reconnu' },
        { value: `${originCountryCount}`, label: 'pays européens où nos produits sont fabriqués' },
        { value: `${averageRecycledContent} %`, label: 'de contenu recyclé en moyenne dans le catalogue' },
        { value: '100 %', label: 'des produits publiés avec leurs kg CO2e pour 1 000 unités' },
      ],
    },
    {
      __component: 'blocks.image-text',
      title: 'Un conseiller qui connaît votre activité',
      body: [
        paragraph(
          "Chaque compte client est suivi par un conseiller Ventalis attitré. Il vous aide à dimensionner vos commandes, à trouver des alternatives à moindre impact pour vos achats actuels et à planifier les livraisons pour éviter les camions à moitié vides.",
        ),
        paragraph(
          'Posez une question sur un produit ou une commande directement depuis votre compte : votre conseiller vous répond dans la même conversation, le plus souvent dans la journée.',
        ),
      ],
      imagePosition: 'right',
    },
    {
      __component: 'blocks.call-to-action',
      title: 'Ouvrez votre compte professionnel',
      text: "Tous les prix sont affichés dans le catalogue. Inscrivez-vous avec votre numéro SIRET pour commander en ligne, suivre vos livraisons et bénéficier d'un conseiller dédié. C'est l'affaire de deux minutes.",
      buttonLabel: 'Créer un compte',
      buttonUrl: '/register',
    },
  ],
});

export const commitmentPageFr: DemoPage = typesetPage({
  title: 'Notre engagement',
  seoDescription:
    'Comment Ventalis sélectionne ses produits : fabrication européenne, écolabels indépendants, contenu recyclé et données carbone publiées pour 1 000 unités, avec un conseiller dédié pour chaque client.',
  blocks: [
    {
      __component: 'blocks.hero',
      title: "Moins de kilomètres, moins de kilos de CO2e, pas d'écoblanchiment",
      subtitle:
        "Nous ne référençons que des produits dont nous pouvons documenter l'origine, les certifications et l'empreinte. Voici comment nous les choisissons et ce que nous publions.",
      ctaLabel: 'Voir nos écolabels',
      ctaUrl: '/catalogue',
    },
    {
      __component: 'blocks.rich-text',
      body: [
        heading('Comment nous choisissons ce que nous vendons'),
        paragraph(
          "Tout commence par l'approvisionnement. Chaque produit de notre catalogue est fabriqué en Europe, en grande partie en France et dans les pays voisins, par des fabricants que nous avons visités. Des circuits courts, ce sont moins de kilomètres par la route et par la mer, et la possibilité de vérifier par nous-mêmes les conditions de travail et les certifications.",
        ),
        paragraph(
          "Chaque fiche produit affiche son empreinte en kilogrammes de CO2e pour 1 000 unités, l'unité que nous utilisons aussi pour les prix. Ce chiffre couvre les matières premières, la fabrication et le transport jusqu'à notre entrepôt ; il provient des analyses de cycle de vie du fabricant ou d'une base de facteurs d'émission reconnue. Publié pour 1 000 unités, il permet de comparer facilement deux produits et de rendre compte de vos propres achats.",
        ),
        paragraph(
          "Nous privilégions la matière recyclée partout où elle fait aussi bien que la matière vierge : fibres récupérées pour les cartons, le papier et l'hygiène, polyéthylène recyclé pour les sacs poubelle et PET recyclé pour les contenants alimentaires. La part recyclée est indiquée sur chaque produit, et ceux qui portent le label 100 % recyclé ne contiennent rien d'autre.",
        ),
        paragraph(
          "Enfin, un catalogue ne suffit pas à lui seul. Chaque client a un conseiller dédié qui passe ses commandes en revue, propose des alternatives à moindre impact et regroupe les livraisons, car le carton le plus écologique est souvent celui qu'on n'a pas eu à commander deux fois.",
        ),
      ],
    },
    {
      __component: 'blocks.key-figures',
      title: 'Notre catalogue, mesuré',
      figures: [
        { value: `${originCountryCount}`, label: 'pays européens de fabrication, sans fret long-courrier' },
        { value: `${ecoLabels.length}`, label: 'écolabels et certifications indépendants que nous reconnaissons' },
        { value: `${averageRecycledContent} %`, label: 'de contenu recyclé en moyenne dans le catalogue' },
        { value: `${labelledShare} %`, label: 'des produits portent au moins un écolabel' },
      ],
    },
    {
      __component: 'blocks.image-text',
      title: 'Les labels auxquels nous faisons confiance, et pourquoi',
      body: [
        paragraph(
          "Nous n'affichons que des certifications indépendantes, délivrées par des tiers : l'Écolabel européen, FSC et PEFC pour les fibres, l'Ange bleu et le Cygne nordique, Cradle to Cradle, OEKO-TEX et GOTS pour les textiles, le label bio européen et la norme EN 13432 pour les emballages compostables.",
        ),
        paragraph('Les fabricants nous transmettent leurs certificats chaque année, et nous retirons un label d’un produit dès que son certificat expire.'),
      ],
      imagePosition: 'left',
    },
    {
      __component: 'blocks.call-to-action',
      title: 'Trouvez des alternatives à moindre impact pour vos fournitures',
      text: "Filtrez le catalogue par écolabel, contenu recyclé ou pays d'origine, et comparez les empreintes carbone pour 1 000 unités.",
      buttonLabel: 'Explorer le catalogue',
      buttonUrl: '/catalogue',
    },
  ],
});

// ---------------------------------------------------------------------------
// Generated pictures
// ---------------------------------------------------------------------------

const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Greedy word wrap; the last line ends with an ellipsis when the title is cut. */
function wrapTitle(title: string, maxChars: number, maxLines: number): string[] {
  const words = title.trim().split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= maxChars) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

/**
 * A 640×480 SVG picture: the colour as background, a stylised leaf and
 * the title in large white sans-serif text. The seed converts it to PNG.
 */
export function renderPicture(title: string, color: string): string {
  if (!HEX_COLOR.test(color)) throw new Error(`renderPicture: "${color}" is not a hex colour like #3F7D4E`);
  const width = 640;
  const height = 480;
  const lines = wrapTitle(title, 22, 3);
  const longest = Math.max(1, ...lines.map((line) => line.length));
  // Allow about 0.66 em per character: bold sans-serif fonts (DejaVu Sans under librsvg) run wide; keep 40 px side margins.
  const fontSize = Math.max(24, Math.min(48, Math.floor((width - 80) / (longest * 0.66))));
  const lineHeight = Math.round(fontSize * 1.2);
  const firstBaseline = 330 - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35;
  const textLines = lines
    .map(
      (line, i) =>
        `  <text x="${width / 2}" y="${Math.round(firstBaseline + i * lineHeight)}" text-anchor="middle" font-family="sans-serif" font-size="${fontSize}" font-weight="700" fill="#ffffff">${escapeXml(line)}</text>`,
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `  <title>${escapeXml(title)}</title>`,
    `  <rect width="${width}" height="${height}" fill="${color}"/>`,
    '  <circle cx="570" cy="70" r="170" fill="#ffffff" fill-opacity="0.10"/>',
    '  <circle cx="60" cy="470" r="130" fill="#ffffff" fill-opacity="0.07"/>',
    '  <rect width="640" height="480" fill="#000000" fill-opacity="0.08"/>',
    '  <g transform="translate(320 140)">',
    '    <path d="M0 -95 C 70 -65 80 15 0 75 C -80 15 -70 -65 0 -95 Z" fill="#ffffff" fill-opacity="0.88"/>',
    `    <path d="M0 -75 L0 90 M0 -20 L30 -45 M0 10 L-32 -18 M0 40 L26 18" stroke="${color}" stroke-width="6" stroke-linecap="round" fill="none"/>`,
    '  </g>',
    textLines,
    '  <text x="40" y="452" font-family="sans-serif" font-size="16" font-weight="700" letter-spacing="4" fill="#ffffff" fill-opacity="0.75">VENTALIS</text>',
    '</svg>',
    '',
  ].join('\n');
}

/** Colleagues of the demo clients: each joins their company with a role (and a buyer, limits in cents excl. VAT). */
export interface DemoMember {
  /** The admin's email: the company they join. */
  company: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  locale: 'fr' | 'en';
  role: 'admin' | 'buyer' | 'accountant';
  orderLimitCents?: number;
  monthlyLimitCents?: number;
}

export const companyMembers: DemoMember[] = [
  // Fromagerie Delorme: a buyer with limits (her last order waits for Antoine's approval) and an accountant.
  { company: 'antoine.delorme@fromagerie-delorme.example', firstName: 'Lucie', lastName: 'Marchand', email: 'lucie.marchand@fromagerie-delorme.example', phone: '+33 4 79 62 18 40', locale: 'fr', role: 'buyer', orderLimitCents: 100_000, monthlyLimitCents: 300_000 },
  { company: 'antoine.delorme@fromagerie-delorme.example', firstName: 'Yves', lastName: 'Caron', email: 'yves.caron@fromagerie-delorme.example', phone: '+33 4 79 62 18 41', locale: 'fr', role: 'accountant' },
  // NordLog: a buyer who orders on invoice.
  { company: 'elodie.lefebvre@nordlog-fulfilment.example', firstName: 'Karim', lastName: 'Benoit', email: 'karim.benoit@nordlog-fulfilment.example', phone: '+33 3 20 55 71 12', locale: 'en', role: 'buyer' },
  // Maison Lavande: the accountant follows orders and payments.
  { company: 'claire.dubois@maison-lavande.example', firstName: 'Paul', lastName: 'Girard', email: 'paul.girard@maison-lavande.example', phone: '+33 4 90 72 31 55', locale: 'fr', role: 'accountant' },
];

/** Payment on invoice granted by the demo consultants (credit limits in cents incl. VAT). */
export const paymentTerms: { client: string; paymentTerms: 'transfer_30_days' | 'transfer_45_days_end_of_month' | 'transfer_60_days'; creditLimitCents: number; requirePurchaseOrder: boolean }[] = [
  { client: 'antoine.delorme@fromagerie-delorme.example', paymentTerms: 'transfer_30_days', creditLimitCents: 500_000, requirePurchaseOrder: true },
  // NordLog's order on invoice leaves it close to its limit.
  { client: 'elodie.lefebvre@nordlog-fulfilment.example', paymentTerms: 'transfer_45_days_end_of_month', creditLimitCents: 400_000, requirePurchaseOrder: false },
];

/**
 * Quotes that show the negotiation at work: one sent by the consultant (more than the stock was
 * asked; the offer holds what is in stock, at a better price), one waiting for the consultant.
 */
export const companyQuotes: { buyer: string; productSlug: string; cartQuantity: number; askedQuantity: number; message: string; offer?: { quantity: number; pricePer1000Cents: number; comment: string } }[] = [
  {
    buyer: 'karim.benoit@nordlog-fulfilment.example',
    productSlug: 'kraft-shipping-box-m',
    cartQuantity: 20_000,
    askedQuantity: 200_000,
    message: 'Hello,\nfor our January peak we need 200,000 medium boxes, delivered in two batches. Could you quote us a better price for that volume?',
    offer: { quantity: 120_000, pricePer1000Cents: 61_500, comment: '120,000 boxes from stock now at 615 € per 1,000 (15 % off); I will send a second quote for the other 80,000 once our January delivery is in.' },
  },
  {
    buyer: 'lucie.marchand@fromagerie-delorme.example',
    productSlug: 'kraft-shipping-box-s',
    cartQuantity: 5000,
    askedQuantity: 10_000,
    message: 'Bonjour,\npouvez-vous nous faire un prix pour 10 000 boîtes S livrées en une seule fois avant les fêtes\u00a0?',
  },
];

/** Orders that show the companies at work: one on invoice, one waiting for an admin's approval. */
export const companyOrders: { buyer: string; productSlug: string; quantity: number; paymentMethod: 'card' | 'invoice'; purchaseOrderNumber?: string }[] = [
  // 6,000 boxes: €3,304.80 incl. VAT of NordLog's €4,000 on invoice.
  { buyer: 'karim.benoit@nordlog-fulfilment.example', productSlug: 'kraft-shipping-box-s', quantity: 6000, paymentMethod: 'invoice' },
  // €1,377 excl. VAT, above Lucie's €1,000 per order: it waits for Antoine.
  { buyer: 'lucie.marchand@fromagerie-delorme.example', productSlug: 'kraft-shipping-box-s', quantity: 3000, paymentMethod: 'invoice', purchaseOrderNumber: 'FD-2026-0412' },
];
