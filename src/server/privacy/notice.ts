/**
 * The privacy notice's settings: its version (stored with every consent, so we can tell which words a buyer
 * agreed to), how long a buyer's contact details stay with an inquiry, and whom to write to. The words of the
 * notice are in the dictionaries (src/i18n/sections/privacy.*.ts); change them and this version together.
 */

/**
 * The date the notice's current words took effect, then that day's revision (`.2` added mail through Cloudflare
 * Email Service, replies by mail, notification preferences and digests); stored with each inquiry's consent.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-03.2';

/** Months after an inquiry thread's last message before the buyer's personal data in it is anonymised. */
export const DEFAULT_INQUIRY_RETENTION_MONTHS = 24;

/** Where people send privacy requests when the deployment names no address of its own. */
export const DEFAULT_PRIVACY_CONTACT = 'privacy@cho-htx.invalid';

export interface PrivacyConfig {
  INQUIRY_RETENTION_MONTHS?: string;
  PRIVACY_CONTACT?: string;
}

/**
 * INQUIRY_RETENTION_MONTHS from wrangler.toml, a whole number from 1 to 120; anything else falls back to the
 * default with a warning rather than erase too early (a typo such as "0" must not empty every inquiry).
 */
export function inquiryRetentionMonths(config: PrivacyConfig): number {
  const raw = config.INQUIRY_RETENTION_MONTHS;
  if (raw === undefined || raw === '') return DEFAULT_INQUIRY_RETENTION_MONTHS;
  const months = Number(raw);
  if (Number.isInteger(months) && months >= 1 && months <= 120) return months;
  console.warn(`INQUIRY_RETENTION_MONTHS is not a whole number of months from 1 to 120: ${JSON.stringify(raw)}`);
  return DEFAULT_INQUIRY_RETENTION_MONTHS;
}

export function privacyContact(config: PrivacyConfig): string {
  return config.PRIVACY_CONTACT?.trim() || DEFAULT_PRIVACY_CONTACT;
}
