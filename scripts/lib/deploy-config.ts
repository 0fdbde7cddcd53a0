/**
 * What a deployment's configuration must hold before `wrangler deploy` runs
 * (docs/DEPLOYMENT.md). Read from the built config, dist/server/wrangler.json,
 * which is exactly what is deployed: wrangler.toml's [vars] end up in it.
 */
import { configuredOrigin } from '../../src/server/seo/urls';

export interface DeployedConfig {
  vars?: Record<string, unknown>;
}

/** Why this configuration must not be deployed, one sentence each; empty when it may. */
export function deploymentProblems(config: DeployedConfig): string[] {
  const value = config.vars?.PUBLIC_ORIGIN;
  const configured = typeof value === 'string' ? value : undefined;
  const origin = configuredOrigin(configured);
  if (!configured) {
    return [
      'PUBLIC_ORIGIN is not set. Password reset, invitation and inquiry mail link to it, and to nothing else: ' +
        'add it under [vars] in wrangler.toml, e.g. PUBLIC_ORIGIN = "https://chohtx.vn" (docs/DEPLOYMENT.md, "Public origin").',
    ];
  }
  if (!origin || !origin.startsWith('https://')) {
    return [
      `PUBLIC_ORIGIN must be the site's https:// origin, not ${JSON.stringify(configured)} (docs/DEPLOYMENT.md, "Public origin").`,
    ];
  }
  return [];
}
