/** The mail the portal sends, in the reader's language (the language of the page that caused it). */
import { dictionary, format, type Locale } from '../../i18n';
import { composeMail } from './layout';
import type { MailMessage } from './mailer';

export function passwordResetMail(locale: Locale, to: string, link: string): MailMessage {
  const t = dictionary(locale).accounts.mail;
  return composeMail(locale, to, t.resetSubject, format(t.resetBody, { link }));
}

export function invitationMail(
  locale: Locale,
  to: string,
  details: { inviter: string; cooperative: string; link: string },
  asManager = false,
): MailMessage {
  const t = dictionary(locale).accounts.mail;
  return composeMail(
    locale,
    to,
    format(asManager ? t.managerInvitationSubject : t.invitationSubject, { cooperative: details.cooperative }),
    format(asManager ? t.managerInvitationBody : t.invitationBody, details),
  );
}
