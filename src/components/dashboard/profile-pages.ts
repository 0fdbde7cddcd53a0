/**
 * Page controller of the cooperative profile form (its manager only), shared
 * by both languages. A save is a change proposed for review; while one waits
 * (or was sent back), the form shows the proposal, not the published profile.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../i18n';
import { routes } from '../../i18n/routes';
import {
  loadCooperativeProfile,
  loadProfileRevision,
  PROFILE_FIELDS,
  type ProfileRevisionState,
  proposeProfileChange,
  type StoredProfile,
  withdrawProfileChange,
} from '../../server/dashboard/cooperative-profile';
import { emptyView, type FormView, noStore, readForm, runForm, seeOther } from '../accounts/form-handling';
import { field, optionalNumber, optionalText, requiredNumber, text } from './form-values';
import { gated } from './gate';

export interface ProfileView extends FormView {
  /** As published. */
  profile: StoredProfile;
  /** The change waiting for review or sent back, if any. */
  pending: ProfileRevisionState | null;
}

function profileInputFrom(values: Record<string, string>) {
  return {
    name: text(values.name),
    kind: text(values.kind),
    registrationCode: text(values.registrationCode),
    foundedYear: requiredNumber(values.foundedYear),
    provinceCode: text(values.provinceCode),
    commune: text(values.commune),
    address: text(values.address),
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
    logoUrl: optionalText(values.logoUrl),
  };
}

export async function handleProfile(page: AstroGlobal, locale: Locale): Promise<ProfileView | Response> {
  noStore(page);
  const gate = await gated(page, locale, async (db, user) => {
    const profile = await loadCooperativeProfile(db, user);
    return { profile, pending: await loadProfileRevision(db, profile.id) };
  });
  if (gate instanceof Response) return gate;
  const { profile, pending } = gate.data;
  const t = dictionary(locale).dashboard.profile;
  const here = routes.cooperativeProfile[locale];
  if (page.request.method !== 'POST') {
    const fields = pending?.fields ?? profile.fields;
    const view = emptyView(Object.fromEntries(PROFILE_FIELDS.map((name) => [name, field(fields[name])])));
    const notices: Record<string, string> = { proposed: t.proposed, unchanged: t.unchanged, withdrawn: t.withdrawn };
    view.notice = notices[page.url.searchParams.get('done') ?? ''] ?? null;
    return { ...view, profile, pending };
  }
  const form = await readForm(page.request);
  if (form.intent === 'withdraw') {
    const outcome = await runForm(page, locale, {}, (db) => withdrawProfileChange(db, gate.user, new Date()));
    if (outcome instanceof Response) return outcome;
    if (!outcome.ok) {
      const fields = pending?.fields ?? profile.fields;
      return { ...outcome.view, values: Object.fromEntries(PROFILE_FIELDS.map((name) => [name, field(fields[name])])), profile, pending };
    }
    return seeOther(`${here}?done=withdrawn`);
  }
  // Only the profile's own fields: a crafted `verified` or `status` goes nowhere.
  const values = Object.fromEntries(PROFILE_FIELDS.map((name) => [name, form[name] ?? '']));
  const outcome = await runForm(page, locale, values, (db) => proposeProfileChange(db, gate.user, profileInputFrom(values), new Date()));
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, profile, pending };
  return seeOther(`${here}?done=${outcome.value.outcome}`);
}
