import type { Dictionary } from '../dictionary';

/** English strings of accounts: sign-in, sign-up by invitation, passwords, the account page, mail. */
export const accountsEn: Dictionary['accounts'] = {
  nav: {
    signIn: 'Sign in',
    account: 'Account',
    signOut: 'Sign out',
  },
  fields: {
    email: 'Email',
    password: 'Password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    displayName: 'Full name',
    passwordHint: 'At least 8 characters, at most 128. Whole sentences, spaces and accented letters are welcome; common passwords are not.',
  },
  form: {
    errorSummary: 'Not sent yet: please correct the marked fields.',
    rateLimited: 'Too many failed attempts. To protect the account, signing in is locked for now; please try again in {minutes} minutes.',
  },
  signIn: {
    title: 'Sign in',
    lead: 'For cooperative members, trade department officers and administrators.',
    submit: 'Sign in',
    invalid: 'Wrong email or password.',
    forgot: 'Forgot your password?',
    noAccount: 'No account yet? Accounts are created by invitation from a cooperative’s manager.',
    signedOut: 'You have signed out.',
    passwordReset: 'Your password has been reset. Sign in with the new one.',
    signInFirst: 'Please sign in to continue.',
  },
  signOut: {
    title: 'Sign out',
    lead: 'End your session on this device.',
    submit: 'Sign out',
  },
  account: {
    title: 'Your account',
    heading: 'Account',
    signedInAs: 'Signed in as',
    email: 'Email',
    role: 'Role',
    cooperative: 'Cooperative',
    noCooperative: 'Not a member of a cooperative',
    manager: 'Manager of the cooperative',
    memberSince: 'Member since',
    suspended: 'Your cooperative is suspended from the public site by the trade department. Reason: {reason}',
    security: 'Security',
    changePassword: 'Change password',
    inviteMember: 'Invite a member',
    passwordChanged: 'Password changed. Your sessions on other devices have ended.',
    invitationSent: 'Invitation sent to {email}.',
    welcome: 'Welcome to Chợ HTX.',
  },
  roles: {
    member: 'Cooperative member',
    officer: 'Trade department officer',
    admin: 'Administrator',
  },
  changePassword: {
    title: 'Change password',
    lead: 'After the change, all your other sessions end.',
    submit: 'Change password',
    back: 'Back to your account',
  },
  forgotPassword: {
    title: 'Forgot password',
    lead: 'Enter your account’s email. We will send a link to reset your password, usable once within 30 minutes.',
    submit: 'Send link',
    sent: 'If this email has an account on Chợ HTX, a password reset link has been sent to it. The link expires in 30 minutes.',
  },
  resetPassword: {
    title: 'Reset password',
    lead: 'Choose a new password for your account.',
    submit: 'Set new password',
    invalidLink: 'This link cannot be used: it may have been used already, have expired, or be incomplete.',
    requestAgain: 'Ask for a new link',
  },
  signUp: {
    title: 'Create your account',
    lead: 'You are invited to join {cooperative} on Chợ HTX.',
    leadManager: 'You are invited to manage {cooperative} on Chợ HTX.',
    submit: 'Create account',
    byInvitation:
      'Chợ HTX accounts are created by invitation: a cooperative’s manager invites its members, and the trade department invites managers. Open the link in the invitation email you received.',
    invalidInvitation: 'This invitation cannot be used: it may have been used already, have expired, or be incomplete.',
    emailTaken: 'This email already has an account. Please sign in.',
  },
  invite: {
    title: 'Invite a member',
    lead: 'Invite someone to join {cooperative}. They receive an email with a link to create their account, valid for 7 days.',
    submit: 'Send invitation',
    members: 'Current members',
    pending: 'Pending invitations',
    expires: 'expires {date}',
    alreadyMember: 'This email already has an account.',
  },
  mail: {
    resetSubject: 'Reset your Chợ HTX password',
    resetBody:
      'Hello,\n\nSomeone asked to reset the password of the Chợ HTX account with this email. Open this link within 30 minutes to choose a new password (it works once):\n\n{link}\n\nIf it was not you, ignore this email; your password stays as it is.\n\nChợ HTX',
    invitationSubject: 'Invitation to join {cooperative} on Chợ HTX',
    invitationBody:
      'Hello,\n\n{inviter} invites you to join {cooperative} on Chợ HTX, the portal of OCOP products and cooperatives. Open this link within 7 days to create your account:\n\n{link}\n\nIf you did not expect this invitation, ignore this email.\n\nChợ HTX',
  },
  outbox: {
    title: 'Outbox (development)',
    lead: 'Mail the development server has “sent”. This page exists only when DEV_OUTBOX is set.',
    empty: 'No mail yet.',
    to: 'To',
    sentAt: 'At',
  },
};
