/** Words of claim verification that the schema stores. */

/**
 * The kinds of claim a cooperative declares: an OCOP rating of a product, a
 * certificate (of a product or the whole cooperative), and a lab report of
 * one batch (src/server/provenance/lab-reports.ts).
 */
export const CLAIM_KINDS = ['ocop_rating', 'certificate', 'lab_report'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * Where a declared claim stands with the trade department:
 * - `pending`: declared or changed, waiting in the officers' queue;
 * - `needs_evidence`: sent back for better evidence (the reason says what);
 *   it returns to `pending` when the cooperative changes it;
 * - `verified`: an officer checked it against the evidence;
 * - `rejected`: refused with a reason; a change sends it back to `pending`;
 * - `revoked`: verified once, withdrawn later with a reason and a date that
 *   public pages show.
 * Only `verified` claims count (stars, filters, statistics, featured);
 * public pages show `verified` ones and revoked OCOP ratings
 * (src/server/claims/public-claims.ts).
 */
export const CLAIM_STATES = ['pending', 'needs_evidence', 'verified', 'rejected', 'revoked'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

/** States in the officers' queue. */
export const AWAITING_STATES = ['pending'] as const satisfies readonly ClaimState[];
/** States a public page may show of an OCOP rating (a revoked one is shown as revoked). */
export const PUBLIC_CLAIM_STATES = ['verified', 'revoked'] as const satisfies readonly ClaimState[];

/** The decisions the officers' queue page offers; its verified list (and the API) offer `revoke`. */
export const QUEUE_DECISIONS = ['verify', 'request_evidence', 'reject'] as const;
export type QueueDecision = (typeof QUEUE_DECISIONS)[number];

/**
 * What an evidence file may be, recognised by its bytes (evidence-file.ts): a
 * PDF of the decision or certificate, or a scan or photo of it.
 */
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
