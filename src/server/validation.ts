/**
 * From zod's issues to the server's field issues (src/server/errors.ts): one
 * message key per field, path joined with dots ("steps.2.occurredAt"), so
 * every transport (JSON API, HTML forms, the seed) reports the same words.
 */
import { type ZodError, type ZodType, z } from 'zod';
import { type FieldIssues, ValidationError } from './errors';

/** The value at a path of the input, to tell a missing field from a mistyped one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * What a person is told when a field holds the wrong kind of value, by the kind zod expected: a form posts text, so
 * "abc" in a quantity reaches the schema as a string and zod's own "wrong type" would say nothing useful.
 */
const SPECIFIC_TYPE_CODES: Partial<Record<string, string>> = {
  number: 'number_invalid',
  int: 'whole_number',
  date: 'calendar_date',
};

/** Turns zod's issues into our field issues: path joined with dots, one issue per field. */
export function fieldIssuesFromZod(error: ZodError, input: unknown): FieldIssues {
  const fields: FieldIssues = {};
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.join('.') : '_';
    if (fields[path]) continue;
    switch (issue.code) {
      case 'too_small':
        fields[path] =
          issue.origin === 'string'
            ? { code: 'too_short', params: { min: Number(issue.minimum) } }
            : { code: 'too_small', params: { min: Number(issue.minimum) } };
        break;
      case 'too_big':
        fields[path] =
          issue.origin === 'string'
            ? { code: 'too_long', params: { max: Number(issue.maximum) } }
            : { code: 'too_big', params: { max: Number(issue.maximum) } };
        break;
      case 'invalid_type':
        fields[path] = {
          code:
            valueAt(input, issue.path) === undefined
              ? 'required'
              : (SPECIFIC_TYPE_CODES[issue.expected] ?? 'invalid_type'),
        };
        break;
      case 'invalid_format':
        fields[path] = { code: 'invalid_format' };
        break;
      case 'invalid_value':
        // zod reports a missing choice (enum, literal) as a wrong value; to the person it is a missing one.
        fields[path] = { code: valueAt(input, issue.path) === undefined ? 'required' : 'invalid_value' };
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) fields[[...issue.path, key].join('.')] = { code: 'unknown_field' };
        break;
      case 'custom': {
        // Our own rules (src/server/*/…-input.ts) name their message key in params.code.
        const { code, ...params } = (issue.params ?? {}) as { code?: string } & Record<string, string | number>;
        fields[path] = code ? { code, params } : { code: 'invalid' };
        break;
      }
      case 'invalid_union':
      case 'invalid_key':
      case 'invalid_element':
      case 'not_multiple_of':
      default:
        fields[path] = { code: 'invalid' };
    }
  }
  return fields;
}

/** What `schema` finds wrong with `input`, field by field; empty when nothing is (to merge with other checks' issues). */
export function fieldIssuesOf(schema: ZodType, input: unknown): FieldIssues {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldIssuesFromZod(result.error, input);
}

/** The input parsed by `schema`, or a ValidationError naming each bad field. */
export function parseInput<T extends ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldIssuesFromZod(result.error, input));
  return result.data;
}

/** An optional text field: trimmed and at most `max` long; missing, null or blank is stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
