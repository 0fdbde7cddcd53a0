import { describe, expect, it } from 'vitest';
import { deploymentProblems } from '../../scripts/lib/deploy-config';

describe('npm run deploy: the configuration check', () => {
  it('refuses a configuration without PUBLIC_ORIGIN, saying where to set it', () => {
    for (const config of [{}, { vars: {} }, { vars: { PUBLIC_ORIGIN: '' } }, { vars: { PUBLIC_ORIGIN: 42 } }]) {
      const [problem, ...rest] = deploymentProblems(config);
      expect(rest).toEqual([]);
      expect(problem).toMatch(/PUBLIC_ORIGIN is not set.*\[vars\] in wrangler\.toml/);
    }
  });

  it('refuses a PUBLIC_ORIGIN that is not an https origin', () => {
    for (const value of ['chohtx.vn', 'http://chohtx.vn', 'ftp://chohtx.vn']) {
      expect(deploymentProblems({ vars: { PUBLIC_ORIGIN: value } }), value).toEqual([
        expect.stringContaining('must be the site'),
      ]);
    }
  });

  it('accepts an https origin', () => {
    expect(deploymentProblems({ vars: { PUBLIC_ORIGIN: 'https://chohtx.vn' } })).toEqual([]);
    expect(deploymentProblems({ vars: { PUBLIC_ORIGIN: 'https://chohtx.vn/' } })).toEqual([]);
  });
});
