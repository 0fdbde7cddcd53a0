import type { Dictionary } from '../dictionary';

/** Mail the portal sends to signed-in people about decisions that concern them (src/server/notifications/). */
export const notificationsEn: Dictionary['notifications'] = {
  mail: {
    footer: 'Sent by {site}, the portal of Viet Nam’s cooperatives and OCOP products.',
    accountLink: 'See it on your account page: {link}',
    reason: 'Reason: {reason}',
  },
};
