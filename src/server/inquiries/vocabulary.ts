export const INQUIRY_STATUSES = ['new', 'read', 'replied', 'closed', 'spam'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];
