import type { Dictionary } from '../dictionary';

export const notificationSettingsEn: Dictionary['notificationSettings'] = {
  kinds: {
    claim_expiry: {
      label: 'Certificates about to expire',
      hint: 'Reminders 90, 30 and 7 days before, and on the day, an OCOP rating or certificate of your cooperative expires.',
    },
    claim_decision: {
      label: 'Verification decisions',
      hint: 'When an officer verifies, rejects, sends back or revokes an OCOP rating or certificate of your cooperative.',
    },
    product_decision: {
      label: 'Product review decisions',
      hint: 'When an officer publishes or rejects (with the reason) a product your cooperative submitted.',
    },
    registration_decision: {
      label: 'Booth registration decisions',
      hint: 'When an officer confirms, waitlists or declines your cooperative’s booth registration for a fair.',
    },
    profile_decision: {
      label: 'Profile review decisions',
      hint: 'When an officer approves or rejects (with the reason) a change to your cooperative’s profile. Sent to its manager.',
    },
    event_change: {
      label: 'Changes to events you registered for',
      hint: 'When a fair or event your cooperative registered for changes its dates or place, or is cancelled.',
    },
    invitation_accepted: {
      label: 'Invitations accepted',
      hint: 'When someone you invited has created their account.',
    },
    officer_queues: {
      label: 'Waiting work (officers)',
      hint: 'Once a day: what waits in your province’s queues, longest waiting first.',
    },
  },
  modes: {
    now: 'At once',
    digest: 'In a daily digest',
    off: 'Off',
  },
  page: {
    title: 'Mail notifications',
    lead: 'Choose how you receive each kind of notification. Security mail (such as a password reset) is always sent.',
    submit: 'Save choices',
    saved: 'Your choices are saved.',
    back: 'Back to your account',
  },
  unsubscribe: {
    title: 'Stop these mails',
    confirm: 'Stop sending {email} this kind of mail: {kind}?',
    button: 'Stop these mails',
    done: 'Done: {email} will no longer receive this kind of mail ({kind}).',
    digest: 'the daily digest (every kind gathered in it)',
    settings: 'Sign in to see all your notification choices',
    invalid: 'This link cannot be used: it may have been cut short when copied.',
  },
  mail: {
    footer: 'Stop this kind of mail: {unsubscribe}\nChoose how you receive notifications: {settings}',
    digestSubject: 'Daily digest: {count} notifications',
    digestIntro: 'The notifications you chose to receive once a day:',
    officerSubject: 'Waiting in {province}: {count} {count:item|items}',
    officerIntro: 'What waits for the officers of {province}, longest waiting first:',
    officerLine: '- {what}: {title} (waiting {days} days)',
    officerMore: 'and {count} more.',
    officerLink: 'See the queue: {link}',
    country: 'the whole country',
    queues: {
      claim: 'Verification',
      change: 'Profile change',
      product: 'Product review',
    },
  },
};
