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
  queue: {
    title: 'Verify ratings and certificates',
    lead: 'OCOP ratings and certificates that cooperatives declared, oldest first. Check each against its evidence before verifying it: only verified claims are shown to the public.',
    none: 'Nothing is waiting for verification.',
    link: 'Verify ratings and certificates',
    product: 'Product',
    wholeCooperative: 'The whole cooperative',
    cooperative: 'Cooperative',
    number: 'Decision / certificate number',
    issuer: 'Issued by',
    stars: 'Rating',
    starsValue: '{stars} stars, {level} level',
    levels: { national: 'national', province: 'provincial' },
    validFrom: 'Decision date / valid from',
    validUntil: 'Valid until',
    waiting: 'Waiting for',
    waitingHours: '{hours} {hours:hour|hours}',
    waitingDays: '{days} {days:day|days}',
    evidence: 'Evidence',
    evidenceLink: 'See the evidence',
    noEvidence: 'No evidence file yet: ask for it if the claim cannot be checked.',
    reason: 'Reason (needed to reject or to ask for evidence)',
    decisions: { verify: 'Verify', request_evidence: 'Ask for better evidence', reject: 'Reject' },
    done: {
      verify: 'Verified: {what}.',
      request_evidence: 'Asked for better evidence: {what}.',
      reject: 'Rejected: {what}.',
    },
    decided:
      'Another officer has just decided this claim, or the cooperative has just changed it. The list is up to date again.',
  },
};
