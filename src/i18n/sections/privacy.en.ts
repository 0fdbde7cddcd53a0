import type { Dictionary } from '../dictionary';

export const privacyEn: Dictionary['privacy'] = {
  notice: {
    title: 'Privacy notice',
    description:
      'Which personal data Chợ HTX collects, why, for how long, who receives it and how you exercise your rights.',
    version: 'Version {version} (the date it took effect, then that day’s revision).',
    lead: "Chợ HTX is a portal where cooperatives, OCOP products and buyers meet. This page says what we do with your personal data, under Viet Nam's Law on Personal Data Protection (No. 91/2025/QH15) and Decree 356/2025/ND-CP (in force since 1 January 2026).",
    collectedHeading: 'What we collect',
    collectedInquiry:
      'When you send an inquiry: your name, company or organisation (if you give one), email and/or phone, country, the inquiry and the later messages of the conversation, including the replies you send by email to the reply address in our mail.',
    collectedAccount:
      'When you have a cooperative member or officer account: your name, email, password (stored only as a hash nobody can read), your sign-in sessions (when, until when) what you do on the portal (the audit log), and your notification choices (for each kind: at once, in one daily digest, or off).',
    collectedLogs:
      "When you use the site: your IP address, to limit how often forms and sign-ins can be tried (against abuse); the server's technical logs.",
    whyHeading: 'Why, and on what legal basis',
    whyInquiry:
      'The data in an inquiry is used only to pass your inquiry to the cooperative you asked, to let you and the cooperative write to each other, and to send you the receipt and replies. Basis: your consent, given with the box on the form; we store the version of this notice you agreed to.',
    whyAccount:
      'Account data lets you sign in and manage your cooperative’s pages, and records who did what (accountability). We email you notices of decisions about your cooperative (claims, profile changes, events, invitations), at once or gathered in one daily digest as you choose in your notification settings; each such mail has a link that stops that kind with one click. Basis: carrying out the account agreement you accepted with your invitation, one of the cases where the law allows processing without separate consent.',
    whyLogs:
      'IP addresses and technical logs keep the portal safe and free of spam. We never use personal data for advertising and never sell it.',
    retentionHeading: 'For how long',
    retentionInquiry:
      'Inquiries: {months} months after the last message of the conversation, your name, organisation, email, phone and the words of your messages are erased automatically (anonymised); only figures that identify nobody remain (dates, product, country).',
    retentionAccount:
      'Accounts: kept while the account is in use; sign-in sessions are deleted when they expire, and so are password reset links.',
    retentionLogs:
      "The counts that limit submissions (by IP address) are deleted every day once their window ends. The audit log is kept to account for officers' decisions.",
    recipientsHeading: 'Who receives it',
    recipientsCooperative:
      'The cooperative you send an inquiry to: your name, organisation, contact details, country and message, to answer you. No other cooperative sees them.',
    recipientsProvider:
      'Cloudflare, Inc.: runs the portal and stores its database, and its Email Service sends our mail and receives the replies sent to it by email (names, addresses and the words of the mail pass through it); data may be processed on servers outside Viet Nam.',
    recipientsOfficers:
      "The Department of Industry and Trade's officers who run the portal: when spam, a complaint or a request about your data needs them.",
    rightsHeading: 'Your rights and how to use them',
    rightsList:
      'You may know, see and get a copy of your data, ask for it to be corrected or deleted, withdraw your consent and object to its processing.',
    rightsBuyer:
      'If you sent an inquiry: open the private link in your receipt to download your data (JSON) or ask for its deletion. Withdrawing consent is a deletion request: the cooperative can then no longer contact you.',
    rightsMember:
      'Members: on “My personal data” in your account, download a copy of your account data (JSON) or ask for your account to be deleted; an officer completes the request and it is logged.',
    rightsContact:
      'Otherwise, or to correct your data: write to the address below. We answer within the time the law sets.',
    contactHeading: 'Contact',
    contact: "Chợ HTX's personal data protection contact:",
    breachHeading: 'If something goes wrong',
    breach:
      "If personal data is exposed or accessed without authorisation, we notify Viet Nam's personal data protection authority (the Ministry of Public Security) within 72 hours and tell the people affected.",
  },
  link: 'Privacy notice',
  formNote: 'What you enter is handled as the {link} says.',
  footerStatus: 'Look up an inquiry',
  buyer: {
    heading: 'Your data',
    lead: 'Download everything Chợ HTX holds about you in this inquiry (a JSON file).',
    download: 'Download my data (JSON)',
    eraseHeading: 'Ask for your data to be erased',
    eraseLead:
      "The portal's officers will erase your name, contact details and the words of the conversation from this inquiry. The cooperative can then no longer contact you, and this link stops working.",
    confirm: 'I understand and want my data erased from this inquiry.',
    eraseSubmit: 'Send the erasure request',
    requested: 'Your erasure request is recorded. An officer will complete it soon.',
    pending: 'Your erasure request is waiting for an officer.',
  },
  requests: {
    title: 'Personal data requests',
    lead: "Buyers' erasure requests and cooperative members' requests to delete their account. Completing one erases the data at once (a buyer's as the retention period does; a member's name and email from the account, the log and messages, keeping the cooperative's records) and records it in the audit log.",
    pendingHeading: 'Waiting',
    completedHeading: 'Recently completed',
    none: 'No requests.',
    subject: 'About',
    subjectInquiry: 'Inquiry {reference} ({cooperative})',
    subjectAccount: 'Member account of {person} ({cooperative})',
    asked: 'Asked',
    completedAt: 'Completed',
    complete: 'Erase the data and complete',
    completed: 'The data is erased and the request completed.',
    gone: 'This request is no longer waiting (another officer may have just completed it).',
  },
};
