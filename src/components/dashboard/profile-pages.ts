/** Page controller of the cooperative profile form (its manager only), shared by both languages. */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../i18n';
import { routes } from '../../i18n/routes';
import { loadCooperativeProfile, PROFILE_FIELDS, type StoredProfile, updateCooperativeProfile } from '../../server/dashboard/cooperative-profile';
import { emptyView, type FormView, noStore, readForm, runForm, seeOther } from '../accounts/form-handling';
import { field, optionalNumber, optionalText, requiredNumber, text } from './form-values';
import { gated } from './gate';

export interface ProfileView extends FormView {
  profile: StoredProfile;
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
  const gate = await gated(page, locale, (db, user) => loadCooperativeProfile(db, user));
  if (gate instanceof Response) return gate;
  const profile = gate.data;
  const t = dictionary(locale).dashboard.profile;
  if (page.request.method !== 'POST') {
    const view = emptyView(Object.fromEntries(PROFILE_FIELDS.map((name) => [name, field(profile.fields[name])])));
    const done = page.url.searchParams.get('done');
    view.notice = done === 'saved' ? t.saved : done === 'unverified' ? t.savedUnverified : done === 'unchanged' ? t.unchanged : null;
    return { ...view, profile };
  }
  const form = await readForm(page.request);
  // Only the profile's own fields: a crafted `verified` or `status` goes nowhere.
  const values = Object.fromEntries(PROFILE_FIELDS.map((name) => [name, form[name] ?? '']));
  const outcome = await runForm(page, locale, values, (db) => updateCooperativeProfile(db, gate.user, profileInputFrom(values), new Date()));
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, profile };
  const done = outcome.value.changed.length === 0 ? 'unchanged' : outcome.value.unverified ? 'unverified' : 'saved';
  return seeOther(`${routes.cooperativeProfile[locale]}?done=${done}`);
}
