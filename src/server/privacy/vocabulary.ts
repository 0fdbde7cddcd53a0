/** Words of personal-data requests, shared by the schema, the domain and the pages. */

/** Whose data a request is about: a buyer's inquiry (asked from its private link) or a member's account. */
export const PRIVACY_REQUEST_SUBJECTS = ['inquiry', 'account'] as const;
export type PrivacyRequestSubject = (typeof PRIVACY_REQUEST_SUBJECTS)[number];

export const PRIVACY_REQUEST_STATUSES = ['pending', 'completed'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];
