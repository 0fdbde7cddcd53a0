/**
 * A fair's printable catalogue: the public event with its confirmed
 * exhibitors (event-detail.ts), and a card (photo, stars, price) for every
 * product they show. Public for published and cancelled events, like the
 * event's page; a draft is a 404.
 */
import { sql } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import { productPaths } from '../../i18n/routes';
import type { Database } from '../db/client';
import { withInquirySource } from '../inquiries/source';
import type { ProductCard } from '../products/card';
import { PRODUCT_CARD_COLUMNS, type ProductCardRow, toProductCard } from '../products/card-queries';
import { type EventDetail, getPublicEvent } from './event-detail';

export interface EventCatalogue {
  event: EventDetail;
  /** The shown products' cards by slug. */
  cards: Map<string, ProductCard>;
}

/** D1 binds at most 100 parameters a statement. */
const SLUGS_PER_QUERY = 90;

export async function getEventCatalogue(db: Database, slug: string, now: Date): Promise<EventCatalogue> {
  const event = await getPublicEvent(db, slug, now);
  const slugs = [...new Set(event.participants.flatMap((p) => p.products.map((product) => product.slug)))];
  const cards = new Map<string, ProductCard>();
  for (let at = 0; at < slugs.length; at += SLUGS_PER_QUERY) {
    const chunk = slugs.slice(at, at + SLUGS_PER_QUERY);
    const rows = await db.all<ProductCardRow>(sql`
      SELECT ${PRODUCT_CARD_COLUMNS}
      FROM products p
      JOIN cooperatives c ON c.id = p.cooperative_id
      JOIN provinces pr ON pr.code = p.province_code
      WHERE p.status = 'published' AND c.status = 'active' AND p.slug IN (${sql.join(
        chunk.map((s) => sql`${s}`),
        sql`, `,
      )})`);
    for (const row of rows) cards.set(row.slug, toProductCard(row));
  }
  return { event, cards };
}

/** A product's page with the fair's catalogue as the inquiry's source (?nguon=danh-muc.{event}): what each QR code encodes. */
export function catalogueProductPath(productSlug: string, eventSlug: string, locale: Locale): string {
  return withInquirySource(productPaths(productSlug)[locale], { kind: 'catalogue', eventSlug });
}
