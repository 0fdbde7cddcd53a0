import type { SessionUser } from '../../src/server/accounts/users';

/** The trade officer the benches read as: console pages and reports are for officers only. */
export const BENCH_OFFICER: SessionUser = {
  id: 'bench',
  email: 'bench@cho-htx.test',
  displayName: 'Bench',
  role: 'officer',
  cooperativeId: null,
  isManager: false,
};
