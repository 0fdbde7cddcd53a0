export const EVENT_KINDS = [
  'fair',
  'exhibition',
  'trade_conference',
  'b2b_matching',
  'ocop_market',
  'ecommerce_training',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'declined', 'withdrawn'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
