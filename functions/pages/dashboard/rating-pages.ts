/**
 * Page controllers of a product's OCOP ratings in the dashboard: the list
 * with a form declaring one, and the edit form of one (claim-form-page.ts,
 * as for certificates). The verbs are the API's
 * (src/server/products/ocop-ratings.ts): a change of what an officer
 * verified makes the rating pending while the public keeps its verified
 * version, and a revoked rating is not changed (409).
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../../src/i18n';
import { dashboardProductPaths } from '../../../src/i18n/routes';
import {
  addOcopRating,
  listProductRatings,
  type StoredRating,
  updateOcopRating,
} from '../../../src/server/products/ocop-ratings';
import {
  type ClaimFormKind,
  type ClaimPageView,
  evidencePublicFrom,
  handleClaimPage,
  productScope,
  VERSION_FIELD,
} from './claim-form-page';
import { field, requiredNumber, text } from './form-values';

const RATING_FIELDS = ['stars', 'level', 'decisionNumber', 'decisionDate'] as const;

function ratingInputFrom(form: Record<string, string>) {
  return {
    stars: requiredNumber(form.stars),
    level: text(form.level),
    decisionNumber: text(form.decisionNumber),
    decisionDate: text(form.decisionDate),
    evidencePublic: evidencePublicFrom(form),
  };
}

const ratingForms: ClaimFormKind<StoredRating> = {
  kind: 'ocop_rating',
  fields: RATING_FIELDS,
  scope: productScope,
  list: listProductRatings,
  storedValue: (rating, name) => field(rating[name as (typeof RATING_FIELDS)[number]]),
  add: ({ db, user, product, upload, now }, form) =>
    addOcopRating(db, user, product.slug, ratingInputFrom(form), now, upload),
  update: ({ db, user, product, upload, now }, rating, form) =>
    updateOcopRating(
      db,
      user,
      product.slug,
      rating.id,
      { ...ratingInputFrom(form), version: form[VERSION_FIELD] },
      now,
      upload,
    ),
  listPaths: (slug) => dashboardProductPaths(slug).ocopRatings,
  savedNotice: (locale) => dictionary(locale).dashboard.ratings.saved,
};

export type RatingsView = ClaimPageView<StoredRating>;

export const handleRatings = (
  page: AstroGlobal,
  locale: Locale,
  slug: string,
  ratingId: string | null,
): Promise<RatingsView | Response> => handleClaimPage(page, locale, slug, ratingId, ratingForms);
