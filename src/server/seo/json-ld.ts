/**
 * schema.org JSON-LD for the detail pages. Builders take what the page
 * already shows, in the page's language, and state nothing the page does not:
 * no ratings or reviews we do not have, an Offer only with a price.
 */
const SCHEMA_ORG = 'https://schema.org';

export type JsonLd = Record<string, unknown>;

/**
 * JSON that is safe inside <script type="application/ld+json">: `<`, `>` and
 * `&` become \u003c, \u003e, \u0026, so a value holding "</script>" or "<!--"
 * cannot end the element or change how the HTML parser reads it; U+2028 and
 * U+2029 are escaped too for consumers that parse it as JavaScript. Each is
 * the same character to a JSON parser.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

export function breadcrumbListLd(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': SCHEMA_ORG,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

/** GTINs are stored as 14 digits; a leading 0 means a GTIN-13 (or shorter) padded out. */
export function gtinProperty(gtin: string | null): { gtin13: string } | { gtin14: string } | Record<string, never> {
  if (!gtin || !/^[0-9]{14}$/.test(gtin)) return {};
  return gtin.startsWith('0') ? { gtin13: gtin.slice(1) } : { gtin14: gtin };
}

/** The `@id` of a cooperative's Organization, so a Product can point at the same node. */
export function organizationId(cooperativeUrl: string): string {
  return `${cooperativeUrl}#organization`;
}

export interface OrganizationLdInput {
  name: string;
  url: string;
  description?: string;
  logo?: string | null;
  foundingYear?: number;
  address?: { street: string; locality: string; region: string };
  telephone?: string | null;
  email?: string | null;
  website?: string | null;
}

export function organizationLd(input: OrganizationLdInput): JsonLd {
  return {
    '@context': SCHEMA_ORG,
    ...organizationNode(input),
  };
}

function organizationNode(input: OrganizationLdInput): JsonLd {
  return compact({
    '@type': 'Organization',
    '@id': organizationId(input.url),
    name: input.name,
    url: input.url,
    description: input.description || undefined,
    logo: input.logo ?? undefined,
    foundingDate: input.foundingYear === undefined ? undefined : String(input.foundingYear),
    address: input.address && {
      '@type': 'PostalAddress',
      streetAddress: input.address.street,
      addressLocality: input.address.locality,
      addressRegion: input.address.region,
      addressCountry: 'VN',
    },
    telephone: input.telephone ?? undefined,
    email: input.email ?? undefined,
    sameAs: input.website ? [input.website] : undefined,
  });
}

/** The cooperative as the maker of a product or batch: a reference to its Organization node. */
function makerLd(cooperative: { name: string; url: string }): JsonLd {
  return {
    '@type': 'Organization',
    '@id': organizationId(cooperative.url),
    name: cooperative.name,
    url: cooperative.url,
  };
}

export interface ProductLdInput {
  name: string;
  description: string;
  url: string;
  images: readonly string[];
  sku: string;
  gtin: string | null;
  category: string;
  cooperative: { name: string; url: string };
  /** Null when the price is on request: no Offer then. */
  offer: { priceVnd: number; unit: string; minOrder: number } | null;
  /** Null without a wholesale minimum or price tiers: no wholesale Offer then. Quantities in `unit`. */
  wholesale?: {
    unit: string;
    minOrder: number | null;
    tiers: readonly { minQuantity: number; priceVnd: number }[];
    leadTimeDays: number | null;
  } | null;
  /** Facts such as a valid OCOP rating; never ratings of our own making. */
  properties: readonly { name: string; value: string | number; description?: string }[];
}

/**
 * A published product is on sale (the portal keeps no stock count, so this is all it can state); when it
 * takes days to prepare a wholesale order, the wholesale Offer says so with deliveryLeadTime.
 */
const IN_STOCK = 'https://schema.org/InStock';

const atLeast = (minValue: number, unitText: string) => ({ '@type': 'QuantitativeValue', minValue, unitText });

/**
 * The retail Offer (a price per unit from the minimum order) and, when the
 * cooperative gave wholesale terms, a wholesale Offer: its minimum order as
 * eligibleQuantity and one UnitPriceSpecification per tier. One Offer is
 * stated as an object (as before wholesale terms existed), two as an array.
 */
function offersLd(input: ProductLdInput, seller: JsonLd): JsonLd | JsonLd[] | undefined {
  const retail = input.offer && {
    '@type': 'Offer',
    url: input.url,
    price: input.offer.priceVnd,
    priceCurrency: 'VND',
    eligibleQuantity: atLeast(input.offer.minOrder, input.offer.unit),
    availability: IN_STOCK,
    seller,
  };
  const terms = input.wholesale;
  const firstTier = terms?.tiers[0];
  const minimum = terms?.minOrder ?? firstTier?.minQuantity;
  const wholesale =
    terms &&
    minimum !== undefined &&
    compact({
      '@type': 'Offer',
      url: input.url,
      price: firstTier?.priceVnd,
      priceCurrency: 'VND',
      eligibleQuantity: atLeast(minimum, terms.unit),
      priceSpecification:
        terms.tiers.length > 0
          ? terms.tiers.map((tier) => ({
              '@type': 'UnitPriceSpecification',
              price: tier.priceVnd,
              priceCurrency: 'VND',
              unitText: terms.unit,
              eligibleQuantity: atLeast(tier.minQuantity, terms.unit),
            }))
          : undefined,
      availability: IN_STOCK,
      deliveryLeadTime:
        terms.leadTimeDays === null
          ? undefined
          : { '@type': 'QuantitativeValue', value: terms.leadTimeDays, unitCode: 'DAY' },
      seller,
    });
  const offers = [retail, wholesale].filter((offer): offer is JsonLd => Boolean(offer));
  return offers.length > 1 ? offers : offers[0];
}

export function productLd(input: ProductLdInput): JsonLd {
  const maker = makerLd(input.cooperative);
  return compact({
    '@context': SCHEMA_ORG,
    '@type': 'Product',
    name: input.name,
    description: input.description || undefined,
    url: input.url,
    image: input.images.length > 0 ? [...input.images] : undefined,
    sku: input.sku,
    ...gtinProperty(input.gtin),
    category: input.category,
    countryOfOrigin: { '@type': 'Country', name: 'VN' },
    brand: maker,
    manufacturer: maker,
    offers: offersLd(input, { '@id': maker['@id'] }),
    additionalProperty:
      input.properties.length > 0
        ? input.properties.map((property) => compact({ '@type': 'PropertyValue', ...property }))
        : undefined,
  });
}

export interface BatchLdInput {
  /** Product name with the lot, in the page's language. */
  name: string;
  url: string;
  productUrl: string;
  lotCode: string;
  gtin: string | null;
  productionDate: string;
  bestBefore: string | null;
  quantity: number;
  quantityUnit: string;
  cooperative: { name: string; url: string };
  /** Certificates as the page shows them; only those valid today are stated. */
  certifications: readonly {
    name: string;
    number: string;
    issuer: string;
    validFrom: string;
    validUntil: string | null;
  }[];
  /** The timeline, in order, as PropertyValues (schema.org has no provenance vocabulary of its own). */
  steps: readonly { name: string; date: string; place: string }[];
}

/**
 * A batch as schema.org SomeProducts ("a placeholder for multiple similar
 * products of the same kind"), a model of the product page's Product.
 */
export function batchLd(input: BatchLdInput): JsonLd {
  const maker = makerLd(input.cooperative);
  return compact({
    '@context': SCHEMA_ORG,
    '@type': 'SomeProducts',
    name: input.name,
    url: input.url,
    sku: input.lotCode,
    ...gtinProperty(input.gtin),
    productionDate: input.productionDate,
    expires: input.bestBefore ?? undefined,
    inventoryLevel: { '@type': 'QuantitativeValue', value: input.quantity, unitText: input.quantityUnit },
    countryOfOrigin: { '@type': 'Country', name: 'VN' },
    manufacturer: maker,
    isVariantOf: { '@type': 'ProductModel', url: input.productUrl },
    hasCertification:
      input.certifications.length > 0
        ? input.certifications.map((c) =>
            compact({
              '@type': 'Certification',
              name: c.name,
              certificationIdentification: c.number,
              issuedBy: { '@type': 'Organization', name: c.issuer },
              validFrom: c.validFrom,
              expires: c.validUntil ?? undefined,
            }),
          )
        : undefined,
    additionalProperty:
      input.steps.length > 0
        ? input.steps.map((step) => ({
            '@type': 'PropertyValue',
            name: step.name,
            value: step.date,
            description: step.place,
          }))
        : undefined,
  });
}

export interface EventLdInput {
  name: string;
  description: string;
  url: string;
  /** ISO 8601: a date (YYYY-MM-DD) for all-day events, else a local time with its offset. */
  startDate: string;
  endDate: string;
  cancelled: boolean;
  /** A place (venue, address, region) when in person, a URL when online; both for a hybrid event. */
  place: { name: string; street: string | null; region: string | null } | null;
  onlineUrl: string | null;
  organiser: string;
  inLanguage: string;
  /** Absolute URL of the event's cover picture, when it has one. */
  image?: string | null;
}

/** schema.org Event: https://schema.org/Event, with its status and attendance mode. */
export function eventLd(input: EventLdInput): JsonLd {
  const mode =
    input.place && input.onlineUrl
      ? 'MixedEventAttendanceMode'
      : input.onlineUrl
        ? 'OnlineEventAttendanceMode'
        : 'OfflineEventAttendanceMode';
  const place =
    input.place &&
    compact({
      '@type': 'Place',
      name: input.place.name,
      address: compact({
        '@type': 'PostalAddress',
        streetAddress: input.place.street ?? undefined,
        addressRegion: input.place.region ?? undefined,
        addressCountry: 'VN',
      }),
    });
  const virtual = input.onlineUrl ? { '@type': 'VirtualLocation', url: input.onlineUrl } : null;
  const locations = [place, virtual].filter((l) => l !== null);
  return compact({
    '@context': SCHEMA_ORG,
    '@type': 'Event',
    name: input.name,
    description: input.description || undefined,
    url: input.url,
    startDate: input.startDate,
    endDate: input.endDate,
    eventStatus: `${SCHEMA_ORG}/${input.cancelled ? 'EventCancelled' : 'EventScheduled'}`,
    eventAttendanceMode: `${SCHEMA_ORG}/${mode}`,
    location: locations.length === 1 ? locations[0] : locations.length > 1 ? locations : undefined,
    organizer: { '@type': 'Organization', name: input.organiser },
    image: input.image ? [input.image] : undefined,
    inLanguage: input.inLanguage,
  });
}

/** Drops undefined and null members, so absent facts are absent rather than null. */
function compact(object: Record<string, unknown>): JsonLd {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null));
}

export interface WebSiteLdInput {
  name: string;
  /** Absolute URL of the home page in the page's language. */
  url: string;
  /** Absolute URL of the product list in the same language; the search term is added as `q`. */
  searchUrl: string;
  inLanguage: string;
}

/** The site and its search box (a sitelinks search box for search engines): the product list with `q`. */
export function webSiteLd(input: WebSiteLdInput): JsonLd {
  return {
    '@context': SCHEMA_ORG,
    '@type': 'WebSite',
    name: input.name,
    url: input.url,
    inLanguage: input.inLanguage,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${input.searchUrl}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}
