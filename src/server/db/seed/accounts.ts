/**
 * Demo accounts for local use: an admin, a trade officer, and a manager and a
 * member for each of the first two demo cooperatives. Their passwords are
 * public (README, printed by `npm start`), so they exist only where the demo
 * dataset is seeded (`npm start`, `npm run seed`, tests), never by the
 * production steps (docs/DEPLOYMENT.md). Emails use the reserved `.test`
 * domain, so no mail to them can reach anyone.
 */
import type { UserRole } from '../../accounts/vocabulary';

export interface DemoAccount {
  id: string;
  email: string;
  password: string;
  displayName: string;
  role: UserRole;
  /** Index into the demo cooperatives, for members. */
  cooperative: number | null;
  isManager: boolean;
  /** The language of their mail; Vietnamese when not given. */
  locale?: 'vi' | 'en';
  /** An officer's province: that of this demo cooperative (an index), so the demo's expiring claims are theirs. */
  province?: number;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: 'demo-user-admin',
    email: 'admin@cho-htx.test',
    password: 'demo-admin-2026',
    displayName: 'Quản trị viên (demo)',
    role: 'admin',
    cooperative: null,
    isManager: false,
  },
  {
    id: 'demo-user-officer',
    email: 'canbo@cho-htx.test',
    password: 'demo-officer-2026',
    displayName: 'Cán bộ Sở Công Thương (demo)',
    role: 'officer',
    cooperative: null,
    isManager: false,
    province: 0,
  },
  {
    id: 'demo-user-manager-1',
    email: 'quanly1@cho-htx.test',
    password: 'demo-manager-2026',
    displayName: 'Nguyễn Văn An (demo)',
    role: 'member',
    cooperative: 0,
    isManager: true,
  },
  {
    id: 'demo-user-member-1',
    email: 'thanhvien1@cho-htx.test',
    password: 'demo-member-2026',
    displayName: 'Trần Thị Bình (demo)',
    role: 'member',
    cooperative: 0,
    isManager: false,
  },
  {
    id: 'demo-user-manager-2',
    email: 'quanly2@cho-htx.test',
    password: 'demo-manager-2026',
    displayName: 'Lê Văn Cường (demo)',
    role: 'member',
    cooperative: 1,
    isManager: true,
  },
  {
    id: 'demo-user-member-2',
    email: 'thanhvien2@cho-htx.test',
    password: 'demo-member-2026',
    displayName: 'Phạm Thị Dung (demo)',
    role: 'member',
    cooperative: 1,
    isManager: false,
    locale: 'en',
  },
];
