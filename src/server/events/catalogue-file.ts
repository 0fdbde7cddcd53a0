/**
 * A fair's catalogue as a PDF (../print/catalogue-pdf.ts), for the people
 * who print it: trade officers, and the members of a cooperative confirmed
 * at the fair (to hand out at their booth). Anyone else signed in is refused
 * (403), a visitor is asked to sign in. The catalogue page itself stays
 * public and is printed with the browser; the PDF is not public because each
 * one costs up to MAX_PRINTED_PHOTOS image re-encodings and about a second of
 * CPU, which a public address would let anyone spend.
 *
 * The same event as the public page: a draft (or no such event) is a 404, a
 * cancelled event still prints. With no confirmed exhibitor there is nothing
 * to print: the answer is `empty`, which the page shows as a page saying so,
 * never an empty PDF.
 */
import { and, eq } from 'drizzle-orm';
import { dictionary, format, formatNumber, type Locale } from '../../i18n';
import { formatEventWhen } from '../../i18n/event-dates';
import { isOfficer, requireUser } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import { eventRegistrations } from '../db/schema';
import { ForbiddenError } from '../errors';
import { parseMediaPath } from '../media/stored-image';
import { cataloguePdf } from '../print/catalogue-pdf';
import { MAX_PRINTED_PHOTOS, type PhotoStore, photosLeftOut, printPhotos } from '../print/catalogue-photos';
import { absoluteUrl } from '../seo/urls';
import { catalogueProductPath, type EventCatalogue, getEventCatalogue } from './catalogue';
import { requireRegisteringMember } from './registrations/member-registration';

export type CatalogueFile =
  /** `name`: the file's name without its extension, ASCII (the event's slug). */
  | { kind: 'pdf'; bytes: Uint8Array; name: string }
  /** No confirmed exhibitor: the catalogue, to show as a page that says there is nothing to print yet. */
  | { kind: 'empty'; catalogue: EventCatalogue };

/** Officers, or a member of a cooperative confirmed at this event; ForbiddenError for anyone else signed in. */
async function requirePrinter(db: Database, user: SessionUser | null | undefined, eventId: string): Promise<void> {
  const signedIn = requireUser(user);
  if (isOfficer(signedIn)) return;
  const { cooperativeId } = requireRegisteringMember(signedIn);
  const [confirmed] = await db
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.cooperativeId, cooperativeId),
        eq(eventRegistrations.status, 'confirmed'),
      ),
    )
    .limit(1);
  if (!confirmed) throw new ForbiddenError('not an exhibitor of this event');
}

/** The name in the catalogue's language: an English name is optional, and without one the Vietnamese name is printed. */
const named = (locale: Locale, vi: string, en: string) => (locale === 'en' && en.trim()) || vi;

export async function catalogueFile(
  db: Database,
  user: SessionUser | null | undefined,
  photos: PhotoStore,
  slug: string,
  origin: string,
  locale: Locale,
  now: Date,
): Promise<CatalogueFile> {
  // Asked to sign in before anything is read; the event's own checks follow once it is known.
  requireUser(user);
  const catalogue = await getEventCatalogue(db, slug, now);
  const { event, cards } = catalogue;
  await requirePrinter(db, user, event.id);
  if (event.participants.length === 0) return { kind: 'empty', catalogue };

  const t = dictionary(locale);
  const words = t.print.catalogue;
  const e = t.calendar.event;
  const photoIdOf = (productSlug: string) => {
    const image = cards.get(productSlug)?.image;
    return image ? (parseMediaPath(image)?.id ?? null) : null;
  };
  const photoIds = event.participants.flatMap((p) => p.products.flatMap((product) => photoIdOf(product.slug) ?? []));
  const photoBytes = await printPhotos(photos, photoIds);
  const title = format(words.title, { event: named(locale, event.titleVi, event.titleEn) });
  const place = [event.venue, event.address].filter(Boolean).join(', ');

  const bytes = await cataloguePdf({
    title,
    when: [formatEventWhen(event, locale), place].filter(Boolean).join(' · '),
    lead: words.lead,
    note: photosLeftOut(photoIds) ? format(words.photosLeftOut, { max: MAX_PRINTED_PHOTOS }) : null,
    exhibitors: event.participants.map((participant) => ({
      name: participant.cooperative.name,
      detail: [
        locale === 'en' ? participant.cooperative.provinceNameEn : participant.cooperative.provinceNameVi,
        format(e.boothCount, { count: formatNumber(participant.booths, locale) }),
        participant.boothLabel ? format(e.boothLabel, { label: participant.boothLabel }) : null,
      ]
        .filter(Boolean)
        .join(' · '),
      products: participant.products.map((product) => {
        const stars = cards.get(product.slug)?.ocopStars ?? null;
        const photoId = photoIdOf(product.slug);
        return {
          name: named(locale, product.nameVi, product.nameEn),
          rating: stars === null ? null : format(words.rating, { stars }),
          address: absoluteUrl(origin, catalogueProductPath(product.slug, event.slug, locale)),
          photo: (photoId && photoBytes.get(photoId)) || null,
        };
      }),
    })),
    words: { noProducts: words.noProducts, continued: words.continued, page: words.page },
    language: locale === 'vi' ? 'vi-VN' : 'en',
  });
  return { kind: 'pdf', bytes, name: `${event.slug}-${locale === 'vi' ? 'danh-muc' : 'catalogue'}` };
}
