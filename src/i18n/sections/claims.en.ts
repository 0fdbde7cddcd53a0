import type { Dictionary } from '../dictionary';

/** Claims (OCOP ratings, certificates) and their verification by the trade department. */
export const claimsEn: Dictionary['claims'] = {
  states: {
    pending: 'Awaiting verification by the Department of Industry and Trade',
    needs_evidence: 'Better evidence needed',
    verified: 'Verified',
    rejected: 'Rejected',
    revoked: 'Revoked',
  },
  notPublic: 'Not shown publicly.',
  reason: 'Reason: {reason}',
  kinds: {
    ocop_rating: 'OCOP rating',
    certificate: 'Certificate',
  },
};
