export const INQUIRY_STATUSES = ['new', 'read', 'replied', 'closed', 'spam'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** Who wrote a message of an inquiry's thread. */
export const INQUIRY_MESSAGE_AUTHORS = ['cooperative', 'buyer'] as const;
export type InquiryMessageAuthor = (typeof INQUIRY_MESSAGE_AUTHORS)[number];

/**
 * Mail an inquiry causes: the cooperative hears of a new inquiry and of the
 * buyer's answers; the buyer receives a receipt and the cooperative's replies.
 */
export const INQUIRY_NOTIFICATION_KINDS = [
  'cooperative_new',
  'buyer_reply',
  'buyer_receipt',
  'cooperative_buyer_reply',
] as const;
export type InquiryNotificationKind = (typeof INQUIRY_NOTIFICATION_KINDS)[number];

/** pending: not yet sent (maybe failed before, retried later); failed: gave up after the last attempt. */
export const INQUIRY_NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type InquiryNotificationStatus = (typeof INQUIRY_NOTIFICATION_STATUSES)[number];

/**
 * Where an inquiry came from, when a fair led the buyer to it: the fair's own
 * page, a product's QR code in its printed catalogue, or the exhibitor's booth
 * (the code it displays there). See source.ts for how links name them.
 */
export const INQUIRY_SOURCE_KINDS = ['event_page', 'catalogue', 'booth'] as const;
export type InquirySourceKind = (typeof INQUIRY_SOURCE_KINDS)[number];
