/**
 * Optional Cloudflare Turnstile: when TURNSTILE_SECRET is set, a submission
 * must carry a token the Turnstile widget produced, which the server checks
 * with Cloudflare's siteverify endpoint. Off by default: Turnstile needs
 * JavaScript in the visitor's browser, and the form must work without it.
 */
export const SITEVERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

/** Says whether a token is good; injected so tests stub the network. */
export type TurnstileVerifier = (token: string, clientAddress: string) => Promise<boolean>;

export function turnstileVerifier(secret: string, fetcher: typeof fetch = fetch): TurnstileVerifier {
  return async (token, clientAddress) => {
    const body = new FormData();
    body.set('secret', secret);
    body.set('response', token);
    if (clientAddress !== 'unknown') body.set('remoteip', clientAddress);
    try {
      const response = await fetcher(SITEVERIFY_URL, { method: 'POST', body });
      if (!response.ok) return false;
      const result = (await response.json()) as { success?: unknown };
      return result.success === true;
    } catch {
      // Cloudflare unreachable: refuse rather than let everything through; the buyer can try again.
      return false;
    }
  };
}

export interface TurnstileConfig {
  TURNSTILE_SECRET?: string;
  TURNSTILE_SITE_KEY?: string;
}

export function turnstileFor(config: TurnstileConfig, fetcher?: typeof fetch): TurnstileVerifier | null {
  return config.TURNSTILE_SECRET ? turnstileVerifier(config.TURNSTILE_SECRET, fetcher) : null;
}
