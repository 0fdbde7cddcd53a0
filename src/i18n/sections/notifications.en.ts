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
  profileDecision: {
    subjects: {
      approved: 'The change to {cooperative}’s profile has been approved',
      rejected: 'The change to {cooperative}’s profile has not been approved',
    },
    bodies: {
      approved:
        'The Department of Industry and Trade approved the change to {cooperative}’s profile. The directory now shows the new profile.',
      rejected:
        'The Department of Industry and Trade did not approve the change to {cooperative}’s profile. The directory keeps the previous one. Change it as the reason below says, then send it again.',
    },
    unverified: 'As its name, registration number or address changed, the profile needs to be verified again.',
  },
  eventChange: {
    subjects: {
      changed: '“{event}” has changed its dates or place',
      cancelled: '“{event}” has been cancelled',
    },
    bodies: {
      changed: '{cooperative} registered for “{event}”. Its dates or place have changed; it is now:\n\n{when}\n{where}',
      cancelled: '{cooperative} registered for “{event}”. The Department of Industry and Trade has cancelled it.',
    },
    online: 'Online',
    page: 'The event’s page: {link}',
  },
  invitationAccepted: {
    subject: '{name} has accepted the invitation to {cooperative}',
    body: '{name} ({email}) created their account from your invitation and is now {role} of {cooperative} on Chợ HTX.',
    roles: { manager: 'the manager', member: 'a member' },
  },
};
