/**
 * The reasons an officer gives when rejecting (or sending back) what a
 * cooperative submitted: one of a few ready-made reasons, free text, or both.
 * Most rejections say the same few things, so picking one is quicker for the
 * officer and clearer for the cooperative, and a chosen reason reaches each
 * person in their own language; free text adds what is particular.
 *
 * The reason is kept as text (products.rejection_reason, a claim's
 * decision_reason, the audit detail) in Vietnamese, the portal's working
 * language, and each mail composes it again in its recipient's language.
 */
import { dictionary, type Locale, LOCALES } from '../../i18n';
import { ValidationError } from '../errors';

/** What is being decided: each has its own short list of reasons. */
export const DECISION_REASONS = {
  product: ['photos', 'description', 'price_unit', 'ocop_proof', 'product_group', 'origin', 'english'],
  profile: ['registration_mismatch', 'address', 'contacts', 'description'],
  claim: ['evidence_unreadable', 'evidence_missing', 'evidence_mismatch', 'expired', 'number_not_found', 'issuer'],
} as const;
export type ReasonTopic = keyof typeof DECISION_REASONS;

/** The longest free text, as before reasons could be picked. */
export const REASON_TEXT_MAX = 1000;

export interface DecisionReason {
  /** The ready-made reason picked, if any. */
  code: string | null;
  /** The officer's own words, trimmed ('' when none). */
  text: string;
}

/** What a form or JSON body gives: a picked `reasonCode`, free `reason`, or (older callers) the free text alone. */
export type DecisionReasonInput = string | { reasonCode?: unknown; reason?: unknown };

const given = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The reason in `input`, or a ValidationError: an unknown `reasonCode`, free
 * text over REASON_TEXT_MAX, or neither a reason picked nor free text of at
 * least `minText` characters (`reason_required` when nothing at all was given).
 */
export function readDecisionReason(input: DecisionReasonInput, topic: ReasonTopic, minText: number): DecisionReason {
  const fields = typeof input === 'string' ? { reason: input } : input;
  const code = given(fields.reasonCode) || null;
  const text = given(fields.reason);
  if (code !== null && !(DECISION_REASONS[topic] as readonly string[]).includes(code))
    throw new ValidationError({ reasonCode: { code: 'invalid_value' } });
  if (text.length > REASON_TEXT_MAX)
    throw new ValidationError({ reason: { code: 'too_long', params: { max: REASON_TEXT_MAX } } });
  if (code === null && text === '') throw new ValidationError({ reason: { code: 'reason_required' } });
  // With a reason picked, a word or two of free text is enough; alone, it must say something.
  if (code === null && text.length < minText)
    throw new ValidationError({ reason: { code: 'too_short', params: { min: minText } } });
  return { code, text };
}

/** The reason as a sentence or two in `locale`: the picked reason, then the officer's words. */
export function reasonWords(reason: DecisionReason, topic: ReasonTopic, locale: Locale): string {
  const labels = dictionary(locale).dashboard.moderation.reasons[topic] as Record<string, string>;
  const picked = reason.code === null ? '' : (labels[reason.code] ?? '');
  if (!picked) return reason.text;
  return reason.text ? `${picked}. ${reason.text}` : `${picked}.`;
}

/** The reason in every language: mail picks its recipient's, the record keeps the Vietnamese. */
export function reasonInEachLanguage(reason: DecisionReason, topic: ReasonTopic): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, reasonWords(reason, topic, locale)])) as Record<
    Locale,
    string
  >;
}
