export const USER_ROLES = ['member', 'officer', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
