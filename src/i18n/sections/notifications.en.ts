import type { Dictionary } from '../dictionary';

/** Mail the portal sends to signed-in people about decisions that concern them (src/server/notifications/). */
export const notificationsEn: Dictionary['notifications'] = {
  mail: {
    footer: 'Sent by {site}, the portal of Viet Nam’s cooperatives and OCOP products.',
    accountLink: 'See it on your account page: {link}',
    reason: 'Reason: {reason}',
  },
  productDecision: {
    subjects: {
      published: '“{product}” has been approved and published',
      rejected: '“{product}” has not been approved',
    },
    bodies: {
      published: 'The Department of Industry and Trade approved “{product}”. Buyers can now see it on Chợ HTX.',
      rejected:
        'The Department of Industry and Trade did not approve “{product}”. Change it as the reason below says, then submit it again.',
    },
  },
  registrationDecision: {
    subjects: {
      confirmed: 'Your booth at “{event}” is confirmed',
      waitlisted: 'Your booth registration for “{event}” is on the waiting list',
      declined: 'Your booth registration for “{event}” has been declined',
    },
    body: 'The Department of Industry and Trade decided on {cooperative}’s registration of {booths} {booths:booth|booths} at “{event}”: {status}.',
  },
};
