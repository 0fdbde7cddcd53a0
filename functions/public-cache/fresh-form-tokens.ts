/**
 * The inquiry form carries its signed render time (src/server/inquiries/
 * form-token.ts), and that must be when the visitor got the page, not when it
 * was rendered into the worker's memory: a bot fetching a kept page could
 * otherwise post at once and pass the minimum fill time. Pages answered from
 * memory get a new token written into the form as they stream out.
 */
import { formSecret, issueFormToken } from '../../src/server/inquiries/form-token';
import type { FreshFields } from './index';

export const freshFormTokens: FreshFields = {
  carriedBy: (html) => html.includes('name="formToken"'),
  async refresh(response, env) {
    const token = await issueFormToken(formSecret(env), new Date());
    return new HTMLRewriter()
      .on('input[name="formToken"]', {
        element(input) {
          input.setAttribute('value', token);
        },
      })
      .transform(response);
  },
};
