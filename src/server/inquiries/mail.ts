/**
 * The mail inquiries cause, written when queued (notifications.ts keeps the
 * text, so every retry sends the same words). Cooperatives get Vietnamese;
 * buyers get the language they wrote in.
 */
import { dictionary, format, type Locale } from '../../i18n';
import { composeMail } from '../mail/layout';
import { countryName } from './countries';
import type { MailMessage } from '../mail/mailer';

export interface NewInquiryMailFacts {
  reference: string;
  about: string;
  buyerName: string;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  /** ISO 3166-1 alpha-2, as stored; the mail names it. */
  country: string;
  quantity: number | null;
  unit: string | null;
  wantedBy: string | null;
  message: string;
  /** Absolute link to the inquiry in the cooperative's inbox. */
  inboxLink: string;
  /** The thread's reply address for the cooperative, when mail can answer it. */
  replyTo?: string | undefined;
}

/** The Reply-To of a mail, when the thread takes replies by mail. */
function replyToOf(facts: { replyTo?: string | undefined }): Pick<MailMessage, 'replyTo'> {
  return facts.replyTo ? { replyTo: facts.replyTo } : {};
}

export function newInquiryMail(to: string, facts: NewInquiryMailFacts): MailMessage {
  const t = dictionary('vi').inquiries.mail;
  const none = '–';
  return {
    ...composeMail(
      'vi',
      to,
      format(t.newSubject, { reference: facts.reference, about: facts.about }),
      format(t.newBody, {
        reference: facts.reference,
        about: facts.about,
        name: facts.organisation ? `${facts.buyerName} (${facts.organisation})` : facts.buyerName,
        contact: [facts.email, facts.phone].filter(Boolean).join(', '),
        country: countryName(facts.country, 'vi'),
        quantity: facts.quantity === null ? none : `${facts.quantity} ${facts.unit ?? ''}`.trim(),
        wantedBy: facts.wantedBy ?? none,
        message: facts.message,
        link: facts.inboxLink,
      }),
    ),
    ...replyToOf(facts),
  };
}

/** What a buyer's mail about their thread links to: the private page (with a fresh token) and the status look-up. */
export interface BuyerMailLinks {
  threadLink: string;
  statusLink: string;
  /** The reply address with the same token as the link, when the thread takes replies by mail. */
  replyTo?: string | undefined;
}

/** The buyer's copy of their inquiry, in their language: the reference and the private link to the thread. */
export function receiptMail(
  locale: Locale,
  to: string,
  facts: { reference: string; buyerName: string; about: string; message: string } & BuyerMailLinks,
): MailMessage {
  const t = dictionary(locale).inquiries.mail;
  return {
    ...composeMail(
      locale,
      to,
      format(t.receiptSubject, { reference: facts.reference, about: facts.about }),
      format(t.receiptBody, {
        name: facts.buyerName,
        reference: facts.reference,
        about: facts.about,
        message: facts.message,
        link: facts.threadLink,
        status: facts.statusLink,
      }),
    ),
    ...replyToOf(facts),
  };
}

export function replyMail(
  locale: Locale,
  to: string,
  facts: { reference: string; buyerName: string; cooperative: string; reply: string } & BuyerMailLinks,
): MailMessage {
  const t = dictionary(locale).inquiries.mail;
  return {
    ...composeMail(
      locale,
      to,
      format(t.replySubject, { reference: facts.reference, cooperative: facts.cooperative }),
      format(t.replyBody, {
        name: facts.buyerName,
        cooperative: facts.cooperative,
        reference: facts.reference,
        reply: facts.reply,
        link: facts.threadLink,
        status: facts.statusLink,
      }),
    ),
    ...replyToOf(facts),
  };
}

/** The cooperative hears that the buyer answered on the thread (in Vietnamese, like every mail to it). */
export function buyerAnswerMail(
  to: string,
  facts: { reference: string; buyerName: string; answer: string; inboxLink: string; replyTo?: string | undefined },
): MailMessage {
  const t = dictionary('vi').inquiries.mail;
  return {
    ...composeMail(
      'vi',
      to,
      format(t.answerSubject, { reference: facts.reference, name: facts.buyerName }),
      format(t.answerBody, {
        reference: facts.reference,
        name: facts.buyerName,
        answer: facts.answer,
        link: facts.inboxLink,
      }),
    ),
    ...replyToOf(facts),
  };
}

/** One conversation of a request, as the buyer's receipt lists it. */
export interface RequestReceiptConversation {
  reference: string;
  cooperative: string;
  about: string;
  threadLink: string;
}

/**
 * The buyer's one receipt for a request to several cooperatives: the request's reference, and each cooperative with
 * its thread's reference and private link. No Reply-To: each thread has its own, and a reply to this mail could not
 * say which cooperative it answers (the thread's own mails can).
 */
export function requestReceiptMail(
  locale: Locale,
  to: string,
  facts: {
    reference: string;
    buyerName: string;
    message: string;
    statusLink: string;
    conversations: readonly RequestReceiptConversation[];
  },
): MailMessage {
  const t = dictionary(locale).inquiries.mail;
  const conversations = facts.conversations
    .map((one) =>
      format(t.requestConversation, {
        cooperative: one.cooperative,
        reference: one.reference,
        about: one.about,
        link: one.threadLink,
      }),
    )
    .join('\n\n');
  return composeMail(
    locale,
    to,
    format(t.requestSubject, { reference: facts.reference, count: facts.conversations.length }),
    format(t.requestBody, {
      name: facts.buyerName,
      reference: facts.reference,
      conversations,
      message: facts.message,
      status: facts.statusLink,
    }),
  );
}
