/**
 * Page controller of the trade officers' page for inviting a cooperative's
 * manager (/tai-khoan/moi-quan-ly), shared by both languages: find the
 * cooperative (?q=…), choose it (?cooperative=…), send the invitation.
 */
import type { AstroGlobal } from 'astro';
import { dictionary, format, type Locale } from '../../../src/i18n';
import { routes } from '../../../src/i18n/routes';
import {
  findManagerCandidates,
  inviteManager,
  loadManagerCandidate,
  type ManagerCandidate,
} from '../../../src/server/accounts/manager-invitations';
import { tokenLink } from './account-pages';
import { emptyView, type FormView, noStore, readForm } from '../form-handling';
import { errorPage, gated, runForm } from '../handle-page';

export interface ManagerInviteView extends FormView {
  q: string;
  candidates: ManagerCandidate[];
  /** The cooperative chosen for the form, or null while choosing. */
  chosen: ManagerCandidate | null;
}

export async function handleInviteManager(page: AstroGlobal, locale: Locale): Promise<ManagerInviteView | Response> {
  noStore(page);
  const q = (page.url.searchParams.get('q') ?? '').slice(0, 100);
  const chosenId = page.url.searchParams.get('cooperative') ?? '';
  // Officers and admins only (others: sign-in or 403); an unknown cooperative is a 404.
  const load = () =>
    gated(page, locale, async (db, user) => {
      const now = new Date();
      return {
        candidates: await findManagerCandidates(db, user, q, now),
        chosen: chosenId ? await loadManagerCandidate(db, user, chosenId, now) : null,
      };
    });
  let loaded = await load();
  if (loaded instanceof Response) return loaded;
  if (page.request.method !== 'POST') return { ...emptyView(), q, ...loaded.data };

  const { user, data } = loaded;
  const { chosen } = data;
  if (!chosen) return errorPage(page, '/404');
  const form = await readForm(page.request);
  const values = { email: form.email ?? '', replaceManager: form.replaceManager ? '1' : '' };
  const outcome = await runForm(page, locale, values, (db) =>
    inviteManager(
      db,
      page.locals.services.mailer(db),
      user,
      {
        cooperativeId: chosen.id,
        email: values.email,
        replaceManager: values.replaceManager === '1',
        locale,
        linkFor: tokenLink(page, routes.signUp[locale], 'code'),
      },
      new Date(),
    ),
  );
  if (outcome instanceof Response) return outcome;
  if (!outcome.ok) return { ...outcome.view, q, ...data };
  // Read again, so the page lists the invitation just sent.
  loaded = await load();
  if (loaded instanceof Response) return loaded;
  const notice = format(dictionary(locale).accounts.managerInvite.sent, {
    cooperative: outcome.value.cooperativeName,
    email: outcome.value.email,
  });
  return { ...emptyView(), notice, q, ...loaded.data };
}
