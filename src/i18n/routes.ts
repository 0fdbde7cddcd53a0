/**
 * Public paths in both languages. Vietnamese paths are the site's own words
 * at the root; English ones live under /en/ with English words.
 */
import { encodeLotCode } from '../server/provenance/lot-code';
import type { Locale } from './index';

export type LocalizedPaths = Record<Locale, string>;

export const routes = {
  home: { vi: '/', en: '/en/' },
  products: { vi: '/san-pham', en: '/en/products' },
  cooperatives: { vi: '/hop-tac-xa', en: '/en/cooperatives' },
  cooperativeMap: { vi: '/ban-do', en: '/en/map' },
  events: { vi: '/su-kien', en: '/en/events' },
  provinces: { vi: '/tinh', en: '/en/provinces' },
  apiDocs: { vi: '/tai-lieu-api', en: '/en/api-docs' },
  statistics: { vi: '/thong-ke', en: '/en/statistics' },
  signIn: { vi: '/dang-nhap', en: '/en/sign-in' },
  signOut: { vi: '/dang-xuat', en: '/en/sign-out' },
  signUp: { vi: '/dang-ky', en: '/en/sign-up' },
  account: { vi: '/tai-khoan', en: '/en/account' },
  changePassword: { vi: '/tai-khoan/doi-mat-khau', en: '/en/account/password' },
  inviteMember: { vi: '/tai-khoan/moi-thanh-vien', en: '/en/account/invite' },
  inviteManager: { vi: '/tai-khoan/moi-quan-ly', en: '/en/account/invite-manager' },
  myRegistrations: { vi: '/tai-khoan/su-kien', en: '/en/account/events' },
  manageRegistrations: { vi: '/tai-khoan/su-kien-quan-ly', en: '/en/account/manage-events' },
  newEvent: { vi: '/tai-khoan/su-kien-quan-ly/moi', en: '/en/account/manage-events/new' },
  forgotPassword: { vi: '/quen-mat-khau', en: '/en/forgot-password' },
  resetPassword: { vi: '/dat-lai-mat-khau', en: '/en/reset-password' },
  accountProducts: { vi: '/tai-khoan/san-pham', en: '/en/account/products' },
  newProduct: { vi: '/tai-khoan/san-pham/moi', en: '/en/account/products/new' },
  productImport: { vi: '/tai-khoan/san-pham/nhap', en: '/en/account/products/import' },
  moderation: { vi: '/tai-khoan/kiem-duyet', en: '/en/account/moderation' },
  claimQueue: { vi: '/tai-khoan/xac-minh', en: '/en/account/verification' },
  expiringClaims: { vi: '/tai-khoan/sap-het-han', en: '/en/account/expiring' },
  cooperativeProfile: { vi: '/tai-khoan/ho-so-hop-tac-xa', en: '/en/account/cooperative' },
  inquiry: { vi: '/hoi-hang', en: '/en/inquiries' },
  inquirySent: { vi: '/hoi-hang/da-gui', en: '/en/inquiries/sent' },
  inquiryStatus: { vi: '/hoi-hang/trang-thai', en: '/en/inquiries/status' },
  inbox: { vi: '/tai-khoan/hoi-hang', en: '/en/account/inquiries' },
  privacy: { vi: '/quyen-rieng-tu', en: '/en/privacy' },
  // A buyer's shortlist (kept in a cookie) and the comparison of up to four of its products.
  shortlist: { vi: '/danh-sach-mua', en: '/en/shortlist' },
  compare: { vi: '/so-sanh', en: '/en/compare' },
  notificationSettings: { vi: '/tai-khoan/thong-bao', en: '/en/account/notifications' },
  // A signed-in person's own data: the page (download, erasure request) and the JSON download itself.
  memberData: { vi: '/tai-khoan/du-lieu-cua-toi', en: '/en/account/my-data' },
  memberDataDownload: { vi: '/tai-khoan/du-lieu-cua-toi/tai-ve', en: '/en/account/my-data/download' },
  // The trade department's console: officers and admins only.
  console: { vi: '/quan-tri', en: '/en/admin' },
  consoleStatistics: { vi: '/quan-tri/thong-ke', en: '/en/admin/statistics' },
  consoleTargets: { vi: '/quan-tri/chi-tieu', en: '/en/admin/targets' },
  newTarget: { vi: '/quan-tri/chi-tieu/moi', en: '/en/admin/targets/new' },
  consoleCooperatives: { vi: '/quan-tri/hop-tac-xa', en: '/en/admin/cooperatives' },
  cooperativeImport: { vi: '/quan-tri/nhap-hop-tac-xa', en: '/en/admin/import-cooperatives' },
  auditLog: { vi: '/quan-tri/nhat-ky', en: '/en/admin/audit-log' },
  consoleReport: { vi: '/quan-tri/bao-cao', en: '/en/admin/report' },
  privacyRequests: { vi: '/quan-tri/du-lieu-ca-nhan', en: '/en/admin/personal-data' },
  embedGenerator: { vi: '/quan-tri/nhung-lich', en: '/en/admin/embed' },
  // The events widget other sites frame (src/server/events/embed.ts): the one page that may be framed.
  eventsEmbed: { vi: '/nhung/su-kien', en: '/en/embed/events' },
} as const satisfies Record<string, LocalizedPaths>;

/** The query that turns the claims queue page into its list of verified claims (to revoke), in each language's words. */
const VERIFIED_CLAIMS_QUERY: Record<Locale, [string, string]> = {
  vi: ['trang-thai', 'da-xac-minh'],
  en: ['state', 'verified'],
};

/** The address of the verified claims' list (with `extra` query parameters, such as a notice). */
export function verifiedClaimsHref(locale: Locale, extra: Record<string, string> = {}): string {
  const [name, value] = VERIFIED_CLAIMS_QUERY[locale];
  return `${routes.claimQueue[locale]}?${new URLSearchParams({ [name]: value, ...extra })}`;
}

/** Whether the claims queue page is asked for its verified list: either language's words, as the language switch keeps the query. */
export const showsVerifiedClaims = (url: URL): boolean =>
  Object.values(VERIFIED_CLAIMS_QUERY).some(([name, value]) => url.searchParams.get(name) === value);

/** The id of one claim's card on the verification queue page, what a link to it names after `#`. */
export const claimEntryId = (kind: string, id: string): string => `claim-${kind}-${id}`;

/** The verification queue's parameter for one cooperative's claims (the same word in both languages, as the lists' filters). */
export const CLAIM_SCOPE_PARAM = 'cooperative';

/** The queue address's parameters that keep a list to its scope, through a decision and its redirect. */
export const claimScopeParams = (scope: { cooperative?: string }): Record<string, string> =>
  scope.cooperative ? { [CLAIM_SCOPE_PARAM]: scope.cooperative } : {};

/**
 * One waiting claim's card on the verification queue page (the review page links to those its product has),
 * in its cooperative's list: the whole queue shows only the oldest claims, which may not reach it.
 */
export const claimQueueEntryHref = (locale: Locale, kind: string, id: string, cooperativeSlug: string): string =>
  `${routes.claimQueue[locale]}?${new URLSearchParams({ [CLAIM_SCOPE_PARAM]: cooperativeSlug })}#${claimEntryId(kind, id)}`;

/** One province target in the console. */
/**
 * Whether a path is in the signed-in area (the account pages and the officers' console, both languages), whose
 * pages carry the account navigation (src/layouts/BaseLayout.astro).
 */
export function isAccountArea(pathname: string): boolean {
  return [routes.account, routes.console].some((area) =>
    Object.values(area).some((root) => pathname === root || pathname.startsWith(`${root}/`)),
  );
}

export function targetPaths(id: string): LocalizedPaths {
  return { vi: `/quan-tri/chi-tieu/${id}`, en: `/en/admin/targets/${id}` };
}

/** One cooperative in the console's oversight (verification, suspension). */
export function cooperativeOversightPaths(slug: string): LocalizedPaths {
  return { vi: `/quan-tri/hop-tac-xa/${slug}`, en: `/en/admin/cooperatives/${slug}` };
}

/** The console's import of one cooperative's products, by a trade officer for it. */
export function cooperativeProductImportPaths(slug: string): LocalizedPaths {
  const oversight = cooperativeOversightPaths(slug);
  return { vi: `${oversight.vi}/nhap-san-pham`, en: `${oversight.en}/import-products` };
}

export function productPaths(slug: string): LocalizedPaths {
  return { vi: `/san-pham/${slug}`, en: `/en/products/${slug}` };
}

export function cooperativePaths(slug: string): LocalizedPaths {
  return { vi: `/hop-tac-xa/${slug}`, en: `/en/cooperatives/${slug}` };
}

/** One inquiry in the cooperative's inbox, by its public reference. */
export function inboxItemPaths(reference: string): LocalizedPaths {
  const code = encodeURIComponent(reference);
  return { vi: `/tai-khoan/hoi-hang/${code}`, en: `/en/account/inquiries/${code}` };
}

/**
 * The one-click unsubscribe link of a notification mail, by its signed token
 * (src/server/notifications/unsubscribe.ts); no account needed.
 */
export function unsubscribePaths(token: string): LocalizedPaths {
  const code = encodeURIComponent(token);
  return { vi: `/huy-nhan-thu/${code}`, en: `/en/unsubscribe/${code}` };
}

/** An inquiry's thread for its buyer, by the private token from their mail (no account). */
export function inquiryThreadPaths(token: string): LocalizedPaths {
  const code = encodeURIComponent(token);
  return { vi: `/hoi-hang/trao-doi/${code}`, en: `/en/inquiries/conversation/${code}` };
}

/** The JSON download of what the portal holds about the buyer of the thread `token` opens. */
export function inquiryThreadDataPaths(token: string): LocalizedPaths {
  const thread = inquiryThreadPaths(token);
  return { vi: `${thread.vi}/du-lieu`, en: `${thread.en}/data` };
}

export function eventPaths(slug: string): LocalizedPaths {
  return { vi: `/su-kien/${slug}`, en: `/en/events/${slug}` };
}

/** An event's printable catalogue of exhibitors and their products. */
export function eventCataloguePaths(slug: string): LocalizedPaths {
  return { vi: `/su-kien/${slug}/danh-muc`, en: `/en/events/${slug}/catalogue` };
}

/**
 * An event's catalogue as a PDF to print (src/server/events/catalogue-file.ts): for trade officers and the
 * event's confirmed exhibitors, so under the account's events.
 */
export function catalogueFilePaths(slug: string): LocalizedPaths {
  return { vi: `/tai-khoan/su-kien/${slug}/danh-muc`, en: `/en/account/events/${slug}/catalogue` };
}

/** A cooperative's registration for one event (its form, status and withdrawal). */
export function myRegistrationPaths(eventSlug: string): LocalizedPaths {
  return { vi: `/tai-khoan/su-kien/${eventSlug}`, en: `/en/account/events/${eventSlug}` };
}

/** The trade officers' page of one event's registrations. */
export function managedRegistrationsPaths(eventSlug: string): LocalizedPaths {
  return { vi: `/tai-khoan/su-kien-quan-ly/${eventSlug}`, en: `/en/account/manage-events/${eventSlug}` };
}

/** The trade officers' pages of one event in any status: edit (with its actions) and preview. */
export function managedEventPaths(eventSlug: string) {
  const vi = `/tai-khoan/su-kien-quan-ly/${eventSlug}`;
  const en = `/en/account/manage-events/${eventSlug}`;
  return {
    edit: { vi: `${vi}/sua`, en: `${en}/edit` },
    preview: { vi: `${vi}/xem-truoc`, en: `${en}/preview` },
  } satisfies Record<string, LocalizedPaths>;
}

/** A fair's report after it: the trade officers' page of every exhibitor, and a cooperative's page of its own. */
export function fairReportPaths(eventSlug: string) {
  return {
    managed: {
      vi: `/tai-khoan/su-kien-quan-ly/${eventSlug}/bao-cao`,
      en: `/en/account/manage-events/${eventSlug}/report`,
    },
    mine: { vi: `/tai-khoan/su-kien/${eventSlug}/bao-cao`, en: `/en/account/events/${eventSlug}/report` },
  } satisfies Record<string, LocalizedPaths>;
}

export function provincePaths(slug: string): LocalizedPaths {
  return { vi: `/tinh/${slug}`, en: `/en/provinces/${slug}` };
}

/** A list page with filters kept in its query string, e.g. productListPaths({ province: 'bac-ninh' }). */
export function withQuery(paths: LocalizedPaths, query: Record<string, string | number | undefined>): LocalizedPaths {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const suffix = search.size > 0 ? `?${search}` : '';
  return { vi: `${paths.vi}${suffix}`, en: `${paths.en}${suffix}` };
}

/**
 * The language switch's target: this page in each language with the query it was asked with (a search, filters, a
 * sign-in's `next`, an inquiry's `reference`), so switching language keeps what the visitor was looking at. A
 * parameter the page already names in `paths` keeps the page's value.
 */
export function keepQuery(paths: LocalizedPaths, search: string): LocalizedPaths {
  const current = new URLSearchParams(search);
  if (current.size === 0) return paths;
  const merge = (path: string) => {
    const [pathname = '', own = ''] = path.split('?', 2);
    const query = new URLSearchParams(own);
    for (const [key, value] of current) if (!query.has(key)) query.append(key, value);
    return `${pathname}?${query}`;
  };
  return { vi: merge(paths.vi), en: merge(paths.en) };
}

/**
 * A batch's trace page. Keyed by the product's trace code (every product has
 * one, with or without a GTIN) and the lot code, percent-encoded because GS1
 * lot codes may hold characters such as '/' or '%'.
 */
export function tracePaths(traceCode: string, lotCode: string): LocalizedPaths {
  const lot = encodeLotCode(lotCode);
  return { vi: `/truy-xuat/${traceCode}/lo/${lot}`, en: `/en/trace/${traceCode}/lot/${lot}` };
}

/**
 * The cooperative dashboard's pages of one product (by slug; batches and
 * certificates by their opaque ids, which need no escaping, unlike lot codes).
 */
export function dashboardProductPaths(slug: string) {
  const vi = `/tai-khoan/san-pham/${slug}`;
  const en = `/en/account/products/${slug}`;
  return {
    edit: { vi, en },
    batches: { vi: `${vi}/lo-hang`, en: `${en}/batches` },
    newBatch: { vi: `${vi}/lo-hang/moi`, en: `${en}/batches/new` },
    batch: (id: string): LocalizedPaths => ({ vi: `${vi}/lo-hang/${id}`, en: `${en}/batches/${id}` }),
    labReports: (batchId: string): LocalizedPaths => ({
      vi: `${vi}/lo-hang/${batchId}/kiem-nghiem`,
      en: `${en}/batches/${batchId}/lab-reports`,
    }),
    labReport: (batchId: string, id: string): LocalizedPaths => ({
      vi: `${vi}/lo-hang/${batchId}/kiem-nghiem/${id}`,
      en: `${en}/batches/${batchId}/lab-reports/${id}`,
    }),
    certificates: { vi: `${vi}/chung-nhan`, en: `${en}/certificates` },
    labels: { vi: `${vi}/nhan-in`, en: `${en}/labels` },
    certificate: (id: string): LocalizedPaths => ({ vi: `${vi}/chung-nhan/${id}`, en: `${en}/certificates/${id}` }),
    ocopRatings: { vi: `${vi}/ocop`, en: `${en}/ocop-ratings` },
    ocopRating: (id: string): LocalizedPaths => ({ vi: `${vi}/ocop/${id}`, en: `${en}/ocop-ratings/${id}` }),
  } satisfies Record<string, LocalizedPaths | ((...ids: string[]) => LocalizedPaths)>;
}

/** A submitted product in the trade officers' moderation queue. */
export function moderationPaths(productId: string): LocalizedPaths {
  return { vi: `/tai-khoan/kiem-duyet/${productId}`, en: `/en/account/moderation/${productId}` };
}

/** A pending change (to a published product or a cooperative profile) in the moderation queue, by the revision's id. */
export function revisionReviewPaths(revisionId: string): LocalizedPaths {
  return { vi: `/tai-khoan/kiem-duyet/thay-doi/${revisionId}`, en: `/en/account/moderation/changes/${revisionId}` };
}
