/**
 * The French version of the demo catalogue (French is the default locale; demo-data.mts holds
 * the English texts). Keyed by the English slug of each entry. Pure data: no Strapi, no I/O.
 * Written with ordinary spaces; frenchTypography() puts the no-break spaces French needs.
 */

export interface FrenchText {
  name: string;
  slug: string;
  description: string;
}

export interface FrenchProductText extends FrenchText {
  /** One sentence. */
  summary: string;
}

/**
 * French typography: a no-break space before « : », « % » and a unit, a narrow one before
 * « ; ! ? », inside guillemets, and between groups of thousands.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/(\d) (?=\d{3}\b)/g, '$1\u202f')
    .replace(/ %/g, '\u00a0%')
    .replace(/ :/g, '\u00a0:')
    .replace(/ ([;!?])/g, '\u202f$1')
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»')
    .replace(/(\d) (?=(?:mm|cm|cl|ml|m|g|kg|L|°C|microns|semaines|litres|pages|feuilles|unités)\b)/g, '$1\u00a0');
}

const typeset = <T extends Record<string, string>>(entries: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.entries(entries).map(([key, entry]) => [key, Object.fromEntries(Object.entries(entry).map(([field, value]) => [field, field === 'slug' ? value : frenchTypography(value)])) as T]),
  );

export const ecoLabelsFr: Record<string, FrenchText> = typeset({
  'eu-ecolabel': {
    name: 'Écolabel européen',
    slug: 'ecolabel-europeen',
    description:
      "Le label écologique officiel de l'Union européenne, attribué aux produits dont l'impact sur l'environnement est réduit sur tout leur cycle de vie, des matières premières à la fin de vie. Les critères sont fixés par famille de produits et contrôlés par un organisme indépendant.",
  },
  fsc: {
    name: 'FSC',
    slug: 'fsc',
    description:
      "Certification du Forest Stewardship Council : les fibres de bois et de papier proviennent de forêts gérées de manière responsable, de matières recyclées ou de sources contrôlées, suivies tout au long de la chaîne de contrôle.",
  },
  pefc: {
    name: 'PEFC',
    slug: 'pefc',
    description:
      'Programme de reconnaissance des certifications forestières : les fibres proviennent de forêts gérées durablement, avec une chaîne de contrôle certifiée de la forêt jusqu’au produit fini.',
  },
  'cradle-to-cradle': {
    name: 'Cradle to Cradle',
    slug: 'cradle-to-cradle',
    description:
      "La certification Cradle to Cradle Certified évalue l'innocuité des matériaux, la circularité du produit, la protection de l'air et du climat, la gestion de l'eau et des sols, ainsi que l'équité sociale.",
  },
  'eu-organic': {
    name: 'Bio européen',
    slug: 'bio-europeen',
    description:
      "Le logo bio de l'Union européenne (règlement (UE) 2018/848) : au moins 95 % des ingrédients agricoles sont issus de l'agriculture biologique, cultivés sans pesticides ni engrais de synthèse, et l'opérateur est contrôlé chaque année.",
  },
  'blue-angel': {
    name: 'Ange bleu',
    slug: 'ange-bleu',
    description:
      "Der Blaue Engel, l'écolabel du gouvernement fédéral allemand depuis 1978. Pour les produits en papier, il exige 100 % de fibres récupérées et interdit les procédés de blanchiment et les additifs nocifs.",
  },
  'nordic-swan': {
    name: 'Cygne nordique',
    slug: 'cygne-nordique',
    description:
      "L'écolabel officiel des pays nordiques : des exigences strictes sur les substances chimiques, la consommation d'énergie et les matières premières, révisées régulièrement pour que seuls les meilleurs produits de chaque famille l'obtiennent.",
  },
  'oeko-tex': {
    name: 'OEKO-TEX',
    slug: 'oeko-tex',
    description:
      'OEKO-TEX STANDARD 100 : chaque composant du textile, du fil aux boutons, a été analysé par un institut indépendant pour détecter les substances nocives.',
  },
  'compostable-en-13432': {
    name: 'Compostable EN 13432',
    slug: 'compostable-en-13432',
    description:
      "Conforme à la norme européenne EN 13432 : l'emballage se désagrège en compostage industriel en 12 semaines, ne laisse aucun résidu nocif et n'altère pas la qualité du compost.",
  },
  recycled: {
    name: '100 % recyclé',
    slug: 'recycle',
    description:
      'Fabriqué entièrement à partir de matières recyclées post-consommation ou post-industrielles, attestées par les documents de traçabilité du fabricant.',
  },
  gots: {
    name: 'GOTS',
    slug: 'gots',
    description:
      'Global Organic Textile Standard : au moins 70 % de fibres biologiques certifiées, avec des critères environnementaux et sociaux appliqués à chaque étape de la transformation.',
  },
  fairtrade: {
    name: 'Fairtrade Max Havelaar',
    slug: 'fairtrade-max-havelaar',
    description:
      'La certification Fairtrade garantit aux producteurs un prix minimum et une prime à investir dans leurs communautés, avec des exigences sur les conditions de travail et l’environnement.',
  },
});

export const categoriesFr: Record<string, FrenchText> = typeset({
  packaging: {
    name: 'Emballages',
    slug: 'emballages',
    description:
      "Caisses d'expédition, boîtes postales et produits de calage en fibres recyclées ou certifiées, aux formats de l'e-commerce et de la logistique d'entrepôt.",
  },
  'shipping-boxes': {
    name: "Caisses d'expédition",
    slug: 'caisses-expedition',
    description: 'Caisses en carton ondulé simple et double cannelure, en kraft recyclé, livrées à plat.',
  },
  'mailers-envelopes': {
    name: 'Boîtes postales et enveloppes',
    slug: 'boites-postales-enveloppes',
    description: "Boîtes postales, pochettes d'envoi et enveloppes matelassées en papier, qui remplacent les sachets plastique.",
  },
  'void-fill': {
    name: 'Calage et protection',
    slug: 'calage-protection',
    description: 'Produits de calage et de protection en papier, qui remplacent le papier bulle et les chips de polystyrène.',
  },
  'paper-office': {
    name: 'Papeterie et bureau',
    slug: 'papeterie-bureau',
    description: 'Papier de bureau recyclé ou certifié, carnets et classement, et un peu de verdure pour les espaces de travail.',
  },
  'printer-paper': {
    name: "Papier d'impression",
    slug: 'papier-impression',
    description: 'Papier pour copieurs et imprimantes, à la ramette, recyclé ou issu de forêts certifiées.',
  },
  'notebooks-filing': {
    name: 'Carnets et classement',
    slug: 'carnets-classement',
    description: "Carnets, classeurs et fournitures d'archivage en carton et papier recyclés.",
  },
  'cleaning-hygiene': {
    name: 'Entretien et hygiène',
    slug: 'entretien-hygiene',
    description: "Produits d'entretien écolabellisés, papier d'hygiène recyclé et sacs à déchets pour les bureaux, les hôtels et les ateliers.",
  },
  'cleaning-products': {
    name: "Produits d'entretien",
    slug: 'produits-entretien',
    description: 'Nettoyants et détergents concentrés et biodégradables, aux formules certifiées.',
  },
  'paper-hygiene': {
    name: 'Hygiène papier',
    slug: 'hygiene-papier',
    description: 'Papier toilette et essuie-mains fabriqués à partir de fibres récupérées.',
  },
  'waste-bags': {
    name: 'Sacs à déchets',
    slug: 'sacs-dechets',
    description: 'Sacs compostables pour les biodéchets et sacs poubelle en plastique recyclé.',
  },
  'food-service': {
    name: 'Restauration',
    slug: 'restauration',
    description:
      'Produits à usage unique pour les cafés, les traiteurs et la restauration collective, conformes aux règles françaises et européennes sur le plastique à usage unique, ainsi que des boissons chaudes bio.',
  },
  'cups-lids': {
    name: 'Gobelets et couvercles',
    slug: 'gobelets-couvercles',
    description: "Gobelets pour boissons chaudes et froides et leurs couvercles, en papier, en bagasse ou en matériaux d'origine végétale.",
  },
  'cutlery-straws': {
    name: 'Couverts et pailles',
    slug: 'couverts-pailles',
    description: 'Couverts en bois et pailles en papier pour la vente à emporter.',
  },
  'food-containers': {
    name: 'Contenants alimentaires',
    slug: 'contenants-alimentaires',
    description: 'Boîtes repas, bols et barquettes à emporter, compostables ou en matière recyclée.',
  },
  'workwear-textiles': {
    name: 'Vêtements de travail et textiles',
    slug: 'vetements-travail-textiles',
    description: 'Vêtements de travail et textiles personnalisables en coton bio et en fibres recyclées, fabriqués en Europe.',
  },
  workwear: {
    name: 'Vêtements de travail',
    slug: 'vetements-travail',
    description: 'Pantalons et vestes résistants pour les entrepôts, les ateliers et les équipes sur le terrain.',
  },
  'tote-bags-aprons': {
    name: 'Sacs cabas et tabliers',
    slug: 'sacs-cabas-tabliers',
    description: 'Sacs réutilisables et tabliers prêts à recevoir votre logo.',
  },
  'labels-tape': {
    name: 'Étiquettes et adhésifs',
    slug: 'etiquettes-adhesifs',
    description: 'Rubans en papier et étiquettes recyclées pour fermer et identifier vos envois sans plastique.',
  },
  'adhesive-tape': {
    name: 'Rubans adhésifs',
    slug: 'rubans-adhesifs',
    description: 'Rubans en papier kraft et rubans gommés qui partent au recyclage avec le carton.',
  },
  labels: {
    name: 'Étiquettes',
    slug: 'etiquettes',
    description: "Étiquettes d'expédition et étiquettes produit sur papier recyclé ou certifié.",
  },
});

export const productsFr: Record<string, FrenchProductText> = typeset({
  'kraft-shipping-box-s': {
    name: "Caisse d'expédition kraft S (200×150×100 mm)",
    slug: 'caisse-expedition-kraft-s',
    summary: "Une petite caisse d'expédition simple cannelure en carton kraft 100 % recyclé.",
    description:
      'Fabriquée en Normandie à partir de carton ondulé recyclé, elle est livrée à plat par paquets de 25. Son fond automatique se monte en quelques secondes, sans ruban adhésif. Idéale pour les cosmétiques, les accessoires et les petites pièces détachées.',
  },
  'kraft-shipping-box-m': {
    name: "Caisse d'expédition kraft M (310×220×150 mm)",
    slug: 'caisse-expedition-kraft-m',
    summary: "La caisse d'expédition moyenne de tous les jours, en kraft simple cannelure 100 % recyclé.",
    description:
      "À la taille des livres, des textiles et des produits déjà emballés, elle entre dans la plupart des consignes à colis. Le carton s'imprime aux encres à l'eau si vous souhaitez y faire figurer votre logo.",
  },
  'double-wall-shipping-box-l': {
    name: 'Caisse double cannelure L (400×300×300 mm)',
    slug: 'caisse-double-cannelure-l',
    summary: "Une caisse robuste en double cannelure pour les marchandises lourdes ou fragiles, jusqu'à 30 kg.",
    description:
      'Carton ondulé double cannelure BC composé à 85 % de fibres recyclées, avec des couvertures en fibres vierges certifiées FSC. Elle se gerbe sans risque sur palette et traverse les réseaux de messagerie sans cerclage supplémentaire.',
  },
  'kraft-ecommerce-mailer-box': {
    name: 'Boîte postale e-commerce kraft (250×180×60 mm)',
    slug: 'boite-postale-e-commerce-kraft',
    summary: 'Une boîte extra-plate à rabat, pensée pour les livraisons en boîte aux lettres.',
    description:
      "Découpée dans du carton recyclé en cannelure E, elle se monte sans ruban adhésif et passe dans les boîtes aux lettres françaises. Une bande d'ouverture et une seconde bande adhésive facilitent les retours.",
  },
  'recycled-paper-mailer-bag': {
    name: "Pochette d'envoi en papier recyclé (320×410 mm)",
    slug: 'pochette-envoi-papier-recycle',
    summary: "Une pochette d'envoi en papier résistant à la déchirure, qui remplace les sachets plastique pour le textile.",
    description:
      'En papier kraft 100 % recyclé, avec une bande autocollante pour la fermeture et une seconde pour les retours. Après usage, elle va directement dans le bac de tri du papier.',
  },
  'paper-padded-envelope': {
    name: 'Enveloppe matelassée en papier (220×340 mm)',
    slug: 'enveloppe-matelassee-papier',
    summary: 'Une enveloppe matelassée rembourrée de papier alvéolé plutôt que de bulles plastique.',
    description:
      "L'enveloppe comme son rembourrage sont en papier recyclé : elle se recycle donc d'un seul geste. Elle protège les livres, les accessoires électroniques et les petits objets fragiles.",
  },
  'honeycomb-paper-wrap-sheet': {
    name: 'Feuille de papier alvéolé (500×380 mm)',
    slug: 'feuille-papier-alveole',
    summary: "Des feuilles de kraft prédécoupées qui forment un nid d'abeille protecteur une fois étirées.",
    description:
      'Une alternative sans plastique au papier bulle, en kraft suédois certifié FSC. Les feuilles sont livrées en cartons de 500 et s’utilisent sans dévidoir.',
  },
  'crinkle-paper-fill-1kg': {
    name: 'Frisure de papier (sac de 1 kg)',
    slug: 'frisure-papier-1kg',
    summary: 'Du papier recyclé découpé en zigzag, qui cale et met en valeur les coffrets cadeaux.',
    description:
      "Fabriquée à partir de chutes de papier recyclé et colorée avec des teintures à l'eau, elle se composte à domicile. Une centaine de grammes suffisent à garnir un coffret de taille moyenne.",
  },
  'potted-desk-succulent': {
    name: 'Plante grasse de bureau (pot de 6 cm)',
    slug: 'plante-grasse-bureau',
    summary: 'Une plante grasse bio et résistante, dans un petit pot en plastique recyclé, pour les bureaux et les salles de réunion.',
    description:
      'Cultivée en agriculture biologique par une pépinière néerlandaise, sans tourbe ni pesticides chimiques. Un arrosage toutes les deux à trois semaines lui suffit : un cadeau de bienvenue facile pour vos nouveaux collaborateurs ou vos clients.',
  },
  'peat-free-potting-compost-10l': {
    name: 'Terreau sans tourbe (sac de 10 L)',
    slug: 'terreau-sans-tourbe-10l',
    summary: 'Un terreau sans tourbe à base de déchets verts compostés, pour les plantes de bureau et les murs végétaux.',
    description:
      "Fabriqué en France à partir de déchets verts compostés, de fibre de bois et d'additifs sans coco. Il préserve les tourbières, qui stockent d'importantes quantités de carbone, et il est conditionné dans un sac en plastique recyclé.",
  },
  'recycled-a4-copy-paper-80g': {
    name: 'Papier A4 recyclé 80 g/m² (ramette de 500 feuilles)',
    slug: 'papier-a4-recycle-80g',
    summary: "Un papier A4 100 % recyclé d'un blanc éclatant, qui passe sans accroc dans toutes les imprimantes de bureau.",
    description:
      "Fabriqué entièrement à partir de papiers récupérés, sans blanchiment au chlore. Avec une blancheur CIE de 150, il se distingue à peine d'un papier en fibres vierges, et il est certifié pour l'archivage.",
  },
  'fsc-a4-office-paper-75g': {
    name: 'Papier A4 FSC 75 g/m² (ramette de 500 feuilles)',
    slug: 'papier-a4-fsc-75g',
    summary: 'Un papier A4 plus léger, en 75 g/m², issu de forêts finlandaises certifiées, qui économise de la fibre à chaque impression.',
    description:
      "Produit en Finlande avec une énergie majoritairement renouvelable, il consomme environ 6 % de fibres de moins qu'un papier standard de 80 g/m². Il convient à l'impression recto verso sur imprimantes laser et jet d'encre.",
  },
  'recycled-a5-notebook-dotted': {
    name: 'Carnet A5 recyclé (96 pages, pointillés)',
    slug: 'carnet-a5-recycle-pointilles',
    summary: 'Un carnet A5 piqué, à couverture en carton recyclé, avec 96 pages à pointillés.',
    description:
      "Les pages intérieures et la couverture sont en papier 100 % recyclé, imprimé avec des encres végétales. La couverture peut être gaufrée à votre logo à partir de 1 000 exemplaires.",
  },
  'cardboard-lever-arch-file-a4': {
    name: 'Classeur à levier A4 en carton (dos de 75 mm)',
    slug: 'classeur-levier-a4-carton',
    summary: 'Un classeur à levier en carton recyclé, sans pelliculage plastique.',
    description:
      "La couverture contient 92 % de carton recyclé et le mécanisme est en acier recyclé : en fin de vie, les deux se séparent et se recyclent. Il contient jusqu'à 500 feuilles.",
  },
  'multi-surface-cleaner-concentrate-1l': {
    name: 'Nettoyant multisurface concentré (1 L)',
    slug: 'nettoyant-multisurface-concentre-1l',
    summary: "Un concentré d'origine végétale qui donne jusqu'à 100 litres de nettoyant prêt à l'emploi.",
    description:
      'Diluez-le à 1 % dans un pulvérisateur ou un seau pour les sols, les bureaux et les cuisines. Sa formule, facilement biodégradable, ne contient ni phosphates ni parfum ajouté, et le flacon est composé pour moitié de plastique recyclé.',
  },
  'phosphate-free-dishwasher-tablet': {
    name: 'Tablette lave-vaisselle sans phosphates',
    slug: 'tablette-lave-vaisselle-sans-phosphates',
    summary: 'Une tablette lave-vaisselle tout-en-un sous film hydrosoluble, sans phosphates.',
    description:
      "Efficace dès 40 °C, pour les kitchenettes de bureau et les restaurants d'entreprise. Les tablettes sont livrées en boîtes carton de 100, sans emballage plastique individuel.",
  },
  'foaming-hand-soap-refill-500ml': {
    name: 'Recharge de savon mousse pour les mains (500 ml)',
    slug: 'recharge-savon-mousse-500ml',
    summary: 'Un savon mousse doux pour les mains, en flacon de recharge 100 % plastique recyclé.',
    description:
      'Compatible avec les distributeurs de savon mousse standard, chaque flacon permet environ 1 200 lavages. Sa formule sans parfum convient à un usage fréquent dans les bureaux et les hôtels.',
  },
  'recycled-toilet-tissue-roll': {
    name: 'Papier toilette recyclé (2 plis, 200 feuilles)',
    slug: 'papier-toilette-recycle',
    summary: 'Un rouleau de papier toilette doux, double épaisseur, fabriqué entièrement à partir de papiers de bureau récupérés.',
    description:
      'Produit en France à partir de papiers de bureau triés et emballé dans du papier, pas dans du plastique. Les rouleaux sont livrés en colis de 96 pour les sanitaires des bureaux, des écoles et des hôtels.',
  },
  'interfold-hand-towels-150': {
    name: 'Essuie-mains enchevêtrés (paquet de 150)',
    slug: 'essuie-mains-enchevetres-150',
    summary: 'Des essuie-mains en papier absorbants, pliés en V, pour les distributeurs standard.',
    description:
      "Essuie-mains simple épaisseur en fibres 100 % recyclées, distribués feuille à feuille pour limiter le gaspillage. Chaque paquet de 150 est cerclé d'une bande de papier.",
  },
  'compostable-bio-waste-bag-10l': {
    name: 'Sac compostable pour biodéchets (10 L)',
    slug: 'sac-compostable-biodechets-10l',
    summary: 'Un sac compostable pour bio-seau, destiné à la collecte séparée des déchets alimentaires.',
    description:
      "En bioplastique à base d'amidon certifié EN 13432, il répond aux exigences françaises de tri à la source des biodéchets. Livré en rouleaux de 50 sacs.",
  },
  'recycled-bin-bag-100l': {
    name: 'Sac poubelle recyclé (100 L)',
    slug: 'sac-poubelle-recycle-100l',
    summary: 'Un sac poubelle résistant de 100 litres en polyéthylène 100 % recyclé.',
    description:
      'Fabriqué à partir de films plastiques post-consommation collectés en Europe, il résiste à la déchirure grâce à son épaisseur de 40 microns, au bureau comme en entrepôt. Livré en rouleaux de 25.',
  },
  'organic-green-tea-bags': {
    name: 'Thé vert bio en sachets (emballés individuellement)',
    slug: 'the-vert-bio-sachets',
    summary: 'Un thé vert Sencha bio en sachets compostables, sans plastique.',
    description:
      "Chaque sachet est scellé sans plastique et glissé dans une enveloppe en papier, prêt pour les salles de réunion et les plateaux d'accueil des hôtels. Le thé, issu de l'agriculture biologique, est assemblé et conditionné en Allemagne.",
  },
  'organic-coffee-capsule': {
    name: 'Capsule de café bio (compostable)',
    slug: 'capsule-cafe-bio-compostable',
    summary: 'Un expresso arabica bio en capsule compostable, sans aluminium.',
    description:
      'Torréfié en Italie, il est compatible avec les machines à expresso les plus répandues en entreprise. Les capsules usagées vont au bac à biodéchets avec le marc de café.',
  },
  'hot-drink-cup-8oz': {
    name: 'Gobelet boisson chaude 24 cl (barrière aqueuse)',
    slug: 'gobelet-boisson-chaude-24cl',
    summary: "Un gobelet en carton de 24 cl doté d'une barrière aqueuse à la place d'un film plastique.",
    description:
      "Sans film plastique, le gobelet se recycle avec les papiers et les cartons. Le carton provient de forêts certifiées FSC et il est imprimé avec des encres à l'eau.",
  },
  'bagasse-lid-8oz': {
    name: 'Couvercle en bagasse pour gobelet 24 cl',
    slug: 'couvercle-bagasse-24cl',
    summary: 'Un couvercle moulé en fibre de canne à sucre, adapté à nos gobelets boisson chaude de 24 cl.',
    description:
      "Fabriqué en bagasse, la fibre qui reste après l'extraction du sucre, sans PFAS ajoutés. Certifié compostable, il possède une ouverture conçue pour limiter les gouttes.",
  },
  'pla-cold-cup-12oz': {
    name: 'Gobelet boisson froide en PLA 35 cl',
    slug: 'gobelet-boisson-froide-pla-35cl',
    summary: "Un gobelet transparent de 35 cl pour boissons froides, en PLA d'origine végétale.",
    description:
      'Parfaitement transparent pour les smoothies, les cafés glacés et les jus, il se composte en installation industrielle. Ne convient pas aux boissons de plus de 40 °C.',
  },
  'birch-wood-fork': {
    name: 'Fourchette en bois de bouleau (160 mm)',
    slug: 'fourchette-bois-bouleau',
    summary: 'Une fourchette en bois lisse et sans revêtement, en bouleau finlandais certifié FSC.',
    description:
      'Poncée pour éviter les échardes et laissée brute, elle se composte avec les déchets alimentaires. Livrée en boîtes carton de 1 000.',
  },
  'birch-wood-knife': {
    name: 'Couteau en bois de bouleau (165 mm)',
    slug: 'couteau-bois-bouleau',
    summary: 'Un couteau en bois robuste à lame crantée, en bouleau certifié FSC.',
    description: 'Sa lame crantée coupe les salades, les quiches et les viandes tendres. Comme la fourchette assortie, il est brut et compostable.',
  },
  'paper-drinking-straw': {
    name: 'Paille en papier (6×200 mm)',
    slug: 'paille-papier',
    summary: 'Une paille en papier trois couches qui reste rigide plus de trois heures dans une boisson froide.',
    description:
      'Fabriquée en papier certifié FSC avec une colle alimentaire sans plastique. Une version emballée individuellement dans du papier est disponible sur demande.',
  },
  'bagasse-clamshell-box': {
    name: 'Boîte repas à charnière en bagasse (225×150 mm)',
    slug: 'boite-repas-charniere-bagasse',
    summary: 'Une boîte repas à emporter, résistante aux graisses, moulée en fibre de canne à sucre.',
    description:
      'Elle accepte les plats chauds, le micro-ondes et le réfrigérateur, sans PFAS ajoutés. Certifiée compostable, elle se ferme solidement grâce à son clip.',
  },
  'kraft-salad-bowl-750ml': {
    name: 'Saladier kraft 750 ml avec couvercle',
    slug: 'saladier-kraft-750ml',
    summary: 'Un bol rond en kraft et son couvercle en papier assorti, pour les salades et les poke bowls.',
    description:
      "Le bol est en carton certifié FSC avec une enduction d'origine végétale, et le couvercle est en papier plutôt qu'en plastique. Les bols s'emboîtent pour gagner de la place dans les cuisines en plein service.",
  },
  'recycled-pet-food-container-500ml': {
    name: 'Barquette en PET recyclé (500 ml)',
    slug: 'barquette-pet-recycle-500ml',
    summary: 'Une barquette transparente et étanche, à couvercle attenant, en PET 100 % recyclé.',
    description:
      'Fabriquée en Italie à partir de bouteilles recyclées de qualité alimentaire, elle est à nouveau entièrement recyclable après usage. Idéale pour les plats froids, les desserts et les salades de fruits présentés en vitrine réfrigérée.',
  },
  'organic-cotton-work-trousers': {
    name: 'Pantalon de travail en coton bio',
    slug: 'pantalon-travail-coton-bio',
    summary: 'Un pantalon de travail résistant en toile de coton bio, avec poches genouillères.',
    description:
      'Cousu au Portugal dans une toile de coton bio de 300 g/m², renforcée aux coutures. Disponible du 36 au 56 ; les tailles peuvent être panachées dans une même commande.',
  },
  'recycled-polyester-fleece-jacket': {
    name: 'Veste polaire en polyester recyclé',
    slug: 'veste-polaire-polyester-recycle',
    summary: 'Une veste polaire chaude, entièrement zippée, fabriquée à partir de bouteilles plastique recyclées.',
    description:
      "Chaque veste donne une seconde vie à environ 25 bouteilles en PET. Son traitement anti-bouloches lui garde une allure soignée après de nombreux lavages, en entrepôt comme en tournée de livraison.",
  },
  'organic-cotton-tote-bag': {
    name: 'Sac cabas en coton bio (380×420 mm)',
    slug: 'sac-cabas-coton-bio',
    summary: 'Un sac cabas réutilisable en coton bio, prêt pour la sérigraphie.',
    description:
      "En coton bio de 140 g/m², avec des anses de 70 cm pour le porter à l'épaule. Le marquage de votre logo en sérigraphie ou par transfert est proposé à partir de 1 000 sacs.",
  },
  'organic-cotton-bib-apron': {
    name: 'Tablier à bavette en coton bio',
    slug: 'tablier-bavette-coton-bio',
    summary: 'Un tablier en coton bio équitable pour les cuisines, les cafés et les boutiques.',
    description:
      'Il est doté d’une bride de cou réglable, d’une poche ventrale et de longs liens, et il est coupé et cousu dans le nord de la France. Lavable à 60 °C.',
  },
  'kraft-paper-tape-50mm': {
    name: 'Ruban adhésif en papier kraft 50 mm × 50 m',
    slug: 'ruban-adhesif-papier-kraft-50mm',
    summary: 'Un ruban adhésif en papier kraft brun, à colle en caoutchouc naturel, pour fermer les cartons.',
    description:
      "Les cartons fermés avec ce ruban partent au recyclage du papier sans qu'il faille le retirer. Il s'utilise avec les dévidoirs à main standard.",
  },
  'gummed-reinforced-tape-70mm': {
    name: 'Ruban gommé armé 70 mm × 184 m',
    slug: 'ruban-gomme-arme-70mm',
    summary: "Un ruban en papier armé, activé à l'eau, pour les colis lourds et les fermetures inviolables.",
    description:
      "Sa colle à base d'amidon fait corps avec les fibres du carton : la fermeture ne peut pas être décollée sans laisser de trace visible. Il nécessite un dévidoir de ruban gommé à eau.",
  },
  'recycled-shipping-label-100x150': {
    name: "Étiquette d'expédition recyclée 100×150 mm",
    slug: 'etiquette-expedition-recyclee-100x150',
    summary: "Une étiquette d'expédition thermique directe sur papier recyclé, qui se passe de ruban encreur.",
    description:
      "Compatible avec les imprimantes d'étiquettes et les formats des transporteurs utilisés en France. Son enduction thermique sans BPA et son support en papier recyclé la tiennent à l'écart des déchets plastiques.",
  },
  'kraft-product-label-40mm': {
    name: 'Étiquette produit kraft Ø 40 mm',
    slug: 'etiquette-produit-kraft-40mm',
    summary: 'Une étiquette ronde en papier kraft pour les bocaux, les boîtes et les sachets.',
    description:
      'Imprimable sur imprimantes laser ou à transfert thermique, elle est livrée en rouleaux de 1 000. Le papier provient de forêts françaises certifiées PEFC.',
  },
});
