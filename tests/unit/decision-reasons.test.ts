/**
 * Ready-made rejection reasons (src/server/moderation/decision-reasons.ts):
 * a reason picked, free text, or both; neither is refused; each topic's
 * reasons have words in every language.
 */
import { describe, expect, it } from 'vitest';
import { dictionary, LOCALES } from '../../src/i18n';
import { ValidationError } from '../../src/server/errors';
import {
  DECISION_REASONS,
  type DecisionReasonInput,
  readDecisionReason,
  reasonInEachLanguage,
  type ReasonTopic,
} from '../../src/server/moderation/decision-reasons';

function refusal(input: DecisionReasonInput, topic: ReasonTopic = 'product'): Record<string, unknown> {
  try {
    readDecisionReason(input, topic, 10);
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error('accepted');
}

describe('reading a decision reason', () => {
  it.each([
    [{ reasonCode: 'photos' }, { code: 'photos', text: '' }],
    [
      { reasonCode: 'photos', reason: ' Mờ. ' },
      { code: 'photos', text: 'Mờ.' },
    ],
    [
      { reasonCode: '', reason: 'Giá chưa gồm phí vận chuyển.' },
      { code: null, text: 'Giá chưa gồm phí vận chuyển.' },
    ],
    ['Giá chưa gồm phí vận chuyển.', { code: null, text: 'Giá chưa gồm phí vận chuyển.' }],
  ] as const)('accepts %j', (input, expected) => {
    expect(readDecisionReason(input, 'product', 10)).toEqual(expected);
  });

  it('refuses neither a reason nor text, short text alone, unknown reasons and long text', () => {
    expect(refusal({ reasonCode: '', reason: '  ' })).toEqual({ reason: { code: 'reason_required' } });
    expect(refusal({})).toEqual({ reason: { code: 'reason_required' } });
    expect(refusal({ reason: 'Mờ.' })).toEqual({ reason: { code: 'too_short', params: { min: 10 } } });
    expect(refusal({ reasonCode: 'expired' })).toEqual({ reasonCode: { code: 'invalid_value' } });
    expect(refusal({ reasonCode: 'photos' }, 'claim')).toEqual({ reasonCode: { code: 'invalid_value' } });
    expect(refusal({ reasonCode: 'photos', reason: 'x'.repeat(1001) })).toEqual({
      reason: { code: 'too_long', params: { max: 1000 } },
    });
  });

  it('composes the reason in each language, the free text as written', () => {
    expect(reasonInEachLanguage({ code: 'expired', text: 'Hết hạn 3/2026.' }, 'claim')).toEqual({
      vi: 'Giấy tờ đã hết hiệu lực. Hết hạn 3/2026.',
      en: 'The document has expired. Hết hạn 3/2026.',
    });
    expect(reasonInEachLanguage({ code: null, text: 'Chỉ lời của cán bộ.' }, 'product')).toEqual({
      vi: 'Chỉ lời của cán bộ.',
      en: 'Chỉ lời của cán bộ.',
    });
  });

  it('has words for every reason in every language', () => {
    for (const locale of LOCALES)
      for (const [topic, codes] of Object.entries(DECISION_REASONS)) {
        const words = dictionary(locale).dashboard.moderation.reasons[topic as ReasonTopic] as Record<string, string>;
        expect(Object.keys(words).sort(), `${locale} ${topic}`).toEqual([...codes].sort());
      }
  });
});
