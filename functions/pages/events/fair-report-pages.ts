/**
 * A fair's report page (src/server/events/fair-report.ts), one controller for
 * both of its addresses: the trade officers' (…/su-kien-quan-ly/{slug}/bao-cao)
 * and a cooperative's (…/su-kien/{slug}/bao-cao). What the report holds is
 * decided by the verb from the signed-in user; the officers' address also
 * refuses everyone else, as their other pages do.
 */
import type { AstroGlobal } from 'astro';
import type { Locale } from '../../../src/i18n';
import { type FairReport, loadFairReport } from '../../../src/server/events/fair-report';
import { noStore } from '../form-handling';
import { gated, signedInAs } from '../handle-page';
import { requireOfficer } from '../../../src/server/accounts/guards';

export type FairReportView = FairReport;

/** `officers`: the trade officers' address, refused (403) to anyone else; `exhibitors`: the cooperatives' one. */
export async function handleFairReport(
  page: AstroGlobal,
  locale: Locale,
  slug: string,
  address: 'officers' | 'exhibitors',
): Promise<FairReportView | Response> {
  noStore(page);
  if (address === 'officers') {
    const officer = await signedInAs(page, locale, requireOfficer);
    if (officer instanceof Response) return officer;
  }
  const result = await gated(page, locale, (db, user) => loadFairReport(db, user, slug, new Date()));
  return result instanceof Response ? result : result.data;
}
