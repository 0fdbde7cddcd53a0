import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssuesFromZod } from '../../src/server/validation';

describe('fieldIssuesFromZod', () => {
  const schema = z.strictObject({
    name: z.string().min(2).max(5),
    email: z.email(),
    stars: z.number().int().min(3).max(5),
    kind: z.enum(['fair', 'exhibition']),
    nested: z.object({ qty: z.number() }),
  });

  function issuesFor(input: unknown) {
    const result = schema.safeParse(input);
    if (result.success) throw new Error('expected a failure');
    return fieldIssuesFromZod(result.error, input);
  }

  it('names each field by its path and says what is wrong with it', () => {
    expect(issuesFor({ name: 'a', email: 'nope', stars: 9, kind: 'party', nested: {}, extra: 1 })).toEqual({
      name: { code: 'too_short', params: { min: 2 } },
      email: { code: 'invalid_format' },
      stars: { code: 'too_big', params: { max: 5 } },
      kind: { code: 'invalid_value' },
      'nested.qty': { code: 'required' },
      extra: { code: 'unknown_field' },
    });
  });

  it('tells a missing field from one of the wrong type, and long strings from big numbers', () => {
    const issues = issuesFor({ name: 'abcdefg', email: 'a@b.vn', stars: '4', kind: 'fair', nested: { qty: 1 } });
    expect(issues).toEqual({
      name: { code: 'too_long', params: { max: 5 } },
      stars: { code: 'number_invalid' },
    });
  });

  it('says what kind of value a field needs instead of zod’s "wrong type" (a form posts "abc" as a quantity)', () => {
    expect(issuesFor({ name: 'abc', email: 'a@b.vn', stars: 3.5, kind: 'fair', nested: { qty: 'abc' } })).toEqual({
      stars: { code: 'whole_number' },
      'nested.qty': { code: 'number_invalid' },
    });
    const dated = z.object({ on: z.date(), tags: z.array(z.string()) });
    const result = dated.safeParse({ on: 'soon', tags: 'x' });
    expect(result.success ? {} : fieldIssuesFromZod(result.error, { on: 'soon', tags: 'x' })).toEqual({
      on: { code: 'calendar_date' },
      tags: { code: 'invalid_type' },
    });
  });
});
