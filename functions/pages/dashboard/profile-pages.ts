/**
 * Page controller of the cooperative profile form (its manager only), shared
 * by both languages. A save is a change proposed for review; while one waits
 * (or was sent back), the form shows the proposal, not the published profile.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { MAX_UPLOAD_MEGABYTES } from '../../../src/server/media/limits';
import { routes } from '../../../src/i18n/routes';
import {
  cooperativeProfileSchema,
  loadCooperativeProfile,
  loadProfileRevision,
  LOGO_FIELD,
  PENDING_LOGO_FIELD,
  PROFILE_FIELDS,
  type ProfileRevisionState,
  proposeProfileChange,
  REMOVE_LOGO_FIELD,
  type StoredProfile,
  withdrawProfileChange,
} from '../../../src/server/cooperatives/profile-changes';
import type { Database } from '../../../src/server/db/client';
import { ValidationError } from '../../../src/server/errors';
import { LOGO_SIZE, MEDIA_ID_PATTERN, mediaPath } from '../../../src/server/media/stored-image';
import { ownedImages, storeImageFiles } from '../../../src/server/media/uploads';
import { fieldIssuesOf } from '../../../src/server/validation';
import { field, optionalCoordinate, optionalNumber, optionalText, requiredNumber, text } from './form-values';
import { readUploadForm, runUploadForm } from './upload-form';
import { emptyView, type FormView, noStore, seeOther } from '../form-handling';
import { gated, runForm } from '../handle-page';
import { configuredTiles, type MapTiles } from '../map/map-pages';

export interface ProfileView extends FormView {
  /** As published. */
  profile: StoredProfile;
  /** The change waiting for review or sent back, if any. */
  pending: ProfileRevisionState | null;
  /** The logo the form shows: the proposed or stored one, or one uploaded with a save that was refused (kept for the next try). */
  logoUrl: string | null;
  /** The id of that uploaded-but-unsaved logo, posted back in a hidden field. */
  pendingLogo: string | null;
  /** The tiles of the place picker's map; null: Viet Nam's outline. */
  tiles: MapTiles | null;
}

/** The typed fields: the logo is not one of them (it comes from the upload). */
const TYPED_FIELDS = PROFILE_FIELDS.filter((name) => name !== 'logoUrl');

function profileInputFrom(values: Record<string, string>) {
  return {
    name: text(values.name),
    kind: text(values.kind),
    registrationCode: text(values.registrationCode),
    foundedYear: requiredNumber(values.foundedYear),
    provinceCode: text(values.provinceCode),
    commune: text(values.commune),
    address: text(values.address),
    latitude: optionalCoordinate(values.latitude),
    longitude: optionalCoordinate(values.longitude),
    sector: text(values.sector),
    members: requiredNumber(values.members),
    classification: optionalText(values.classification),
    classificationYear: optionalNumber(values.classificationYear),
    descriptionVi: text(values.descriptionVi),
    descriptionEn: text(values.descriptionEn),
    phone: optionalText(values.phone),
    email: optionalText(values.email),
    website: optionalText(values.website),
    zalo: optionalText(values.zalo),
  };
}

export async function handleProfile(page: AstroGlobal, locale: Locale): Promise<ProfileView | Response> {
  const view = await profileForm(page, locale);
  return view instanceof Response ? view : { ...view, tiles: configuredTiles(page.locals.services.env) };
}

async function profileForm(page: AstroGlobal, locale: Locale): Promise<Omit<ProfileView, 'tiles'> | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    const profile = await loadCooperativeProfile(db, user);
    return { profile, pending: await loadProfileRevision(db, profile.id) };
  });
  if (gate instanceof Response) return gate;
  const { profile, pending } = gate.data;
  const t = dictionary(locale).dashboard;
  const here = routes.cooperativeProfile[locale];
  // The form shows the change waiting for review (or sent back) when there is one, else the published profile.
  const shown = pending?.fields ?? profile.fields;
  const shownValues = () => Object.fromEntries(TYPED_FIELDS.map((name) => [name, field(shown[name])]));
  const view = (values: Record<string, string>) => ({
    ...emptyView(values),
    profile,
    pending,
    logoUrl: shown.logoUrl,
    pendingLogo: null,
  });
  if (page.request.method !== 'POST') {
    const shownView = view(shownValues());
    const notices: Record<string, string> = {
      proposed: t.profile.proposed,
      unchanged: t.profile.unchanged,
      withdrawn: t.profile.withdrawn,
    };
    shownView.notice = notices[page.url.searchParams.get('done') ?? ''] ?? null;
    return shownView;
  }
  const form = await readUploadForm(page.request);
  if (form === 'too_large') {
    page.response.status = 413;
    return {
      ...view(shownValues()),
      alert: t.photos.tooLargeAlert,
      errors: { [LOGO_FIELD]: format(t.photos.tooLargeField, { total: MAX_UPLOAD_MEGABYTES }) },
    };
  }
  if (form.fields.intent === 'withdraw') {
    const outcome = await runForm(page, locale, {}, (db) => withdrawProfileChange(db, gate.user, new Date()));
    if (outcome instanceof Response) return outcome;
    if (!outcome.ok)
      return { ...outcome.view, values: shownValues(), profile, pending, logoUrl: shown.logoUrl, pendingLogo: null };
    return seeOther(`${here}?done=withdrawn`);
  }
  // Only the profile's own fields: a crafted `verified`, `status` or `logoUrl` goes nowhere.
  const values = Object.fromEntries(TYPED_FIELDS.map((name) => [name, form.fields[name] ?? '']));
  const owner = { cooperativeId: profile.id, userId: gate.user.id };
  let logoUrl = shown.logoUrl;
  let pendingLogo: string | null = null;
  const outcome = await runUploadForm(page, locale, values, async (db: Database, store) => {
    const input = profileInputFrom(values);
    const upload = await storeImageFiles(db, store, owner, form.files(LOGO_FIELD).slice(0, 1));
    if (upload.issue) {
      throw new ValidationError({
        ...fieldIssuesOf(cooperativeProfileSchema(new Date()), { ...input, logoUrl }),
        [LOGO_FIELD]: upload.issue,
      });
    }
    pendingLogo = upload.stored[0]?.id ?? (await ownedPending(db, profile.id, form.fields[PENDING_LOGO_FIELD]));
    if (pendingLogo) logoUrl = mediaPath(pendingLogo, LOGO_SIZE);
    else if (form.fields[REMOVE_LOGO_FIELD]) logoUrl = null;
    // A new or removed logo is part of the proposed change, reviewed with the rest.
    return proposeProfileChange(db, gate.user, { ...input, logoUrl }, new Date());
  });
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, profile, pending, logoUrl, pendingLogo };
  return seeOther(`${here}?done=${outcome.value.outcome}`);
}

/** A logo uploaded with an earlier, refused save, if it really is this cooperative's. */
async function ownedPending(db: Database, cooperativeId: string, id: string | undefined): Promise<string | null> {
  if (!id || !MEDIA_ID_PATTERN.test(id)) return null;
  return (await ownedImages(db, { cooperativeId }, [id])).has(id) ? id : null;
}
