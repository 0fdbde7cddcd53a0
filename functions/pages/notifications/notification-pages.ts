/**
 * The notification settings page (the signed-in person's own choices, per
 * kind) and the confirmation page of an unsubscribe link (no sign-in; the
 * link's POST is answered in the worker, ../../unsubscribe.ts).
 */
import type { AstroGlobal } from 'astro';
import { dictionary, type Locale } from '../../../src/i18n';
import { routes } from '../../../src/i18n/routes';
import { unsubscribeKeys, users } from '../../../src/server/db/schema';
import { type Preferences, preferencesOf, setPreferences } from '../../../src/server/notifications/preferences';
import { readUnsubscribeToken } from '../../../src/server/notifications/unsubscribe';
import {
  NOTIFICATION_KINDS,
  notificationKindsFor,
  type NotificationKind,
  type OutboxKind,
} from '../../../src/server/notifications/vocabulary';
import { eq } from 'drizzle-orm';
import { emptyView, type FormView, noStore, readForm, seeOther } from '../form-handling';
import { loadPage, runForm, signedInOr } from '../handle-page';

export interface NotificationSettingsView extends FormView {
  preferences: Preferences;
  /** The kinds this person's role receives; the page offers only these. */
  kinds: NotificationKind[];
}

export async function handleNotificationSettings(
  page: AstroGlobal,
  locale: Locale,
): Promise<NotificationSettingsView | Response> {
  noStore(page);
  const user = signedInOr(page, locale);
  if (user instanceof Response) return user;
  if (page.request.method === 'POST') {
    const form = await readForm(page.request);
    // Only the kinds' fields: anything else a form carries is not a preference.
    const modes = Object.fromEntries(NOTIFICATION_KINDS.flatMap((kind) => (kind in form ? [[kind, form[kind]]] : [])));
    const outcome = await runForm(page, locale, form, (db) => setPreferences(db, user, user.id, modes, new Date()));
    if (outcome instanceof Response) return outcome;
    if (outcome.ok) return seeOther(`${routes.notificationSettings[locale]}?done=saved`);
    const preferences = await loadPage(page, locale, (db) => preferencesOf(db, user.id));
    if (preferences instanceof Response) return preferences;
    return { ...outcome.view, preferences, kinds: notificationKindsFor(user.role) };
  }
  const preferences = await loadPage(page, locale, (db) => preferencesOf(db, user.id));
  if (preferences instanceof Response) return preferences;
  const saved = page.url.searchParams.get('done') === 'saved';
  return {
    ...emptyView(),
    notice: saved ? dictionary(locale).notificationSettings.page.saved : null,
    preferences,
    kinds: notificationKindsFor(user.role),
  };
}

export interface UnsubscribeView {
  email: string;
  kind: OutboxKind;
  /** Already off: the link was used (or the person turned it off since). */
  done: boolean;
}

/** GET of an unsubscribe link: who and what it stops, and whether that is done; an unusable link is a 404. */
export async function handleUnsubscribePage(
  page: AstroGlobal,
  locale: Locale,
  token: string,
): Promise<UnsubscribeView | Response> {
  noStore(page);
  page.response.headers.set('X-Robots-Tag', 'noindex');
  return loadPage(page, locale, async (db) => {
    const target = await readUnsubscribeToken(db, token);
    const [person] = await db
      .select({ email: users.email })
      .from(users)
      .innerJoin(unsubscribeKeys, eq(unsubscribeKeys.userId, users.id))
      .where(eq(users.id, target.userId));
    const preferences = await preferencesOf(db, target.userId);
    const done =
      target.kind === 'digest' ? !Object.values(preferences).includes('digest') : preferences[target.kind] === 'off';
    return { email: person?.email ?? '', kind: target.kind, done };
  });
}
