/**
 * A cooperative's public contact details, reduced to what is safe to put in a
 * link. The values come from the cooperatives themselves: a "website" of
 * `javascript:…` or a phone number with letters must never become an href.
 */
export interface PublicContact {
  /** E.164 as stored, e.g. +84912345678 (for tel:). */
  phone: string | null;
  email: string | null;
  /** An http(s) URL. */
  website: string | null;
  /** https://zalo.me/<digits>: Zalo's public chat link for a phone number. */
  zaloUrl: string | null;
}

const PHONE = /^\+?[0-9]{8,15}$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** An absolute http(s) URL, normalised by the URL parser, or null. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function publicContact(row: {
  phone: string | null;
  email: string | null;
  website: string | null;
  zalo: string | null;
}): PublicContact {
  // People type spaces, dots and dashes into numbers; a dialler needs none of them.
  const phone = row.phone?.replace(/[\s.()-]/g, '') ?? '';
  const email = row.email?.trim() ?? '';
  const zalo = row.zalo?.replace(/[\s.()+-]/g, '') ?? '';
  return {
    phone: PHONE.test(phone) ? phone : null,
    email: EMAIL.test(email) ? email : null,
    website: httpUrl(row.website),
    zaloUrl: /^[0-9]{8,15}$/.test(zalo) ? `https://zalo.me/${zalo}` : null,
  };
}

export function hasAnyContact(contact: PublicContact): boolean {
  return Object.values(contact).some((value) => value !== null);
}
