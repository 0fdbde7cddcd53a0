/**
 * Global set-up of the API project: migrates the template D1 once, before the
 * workers start, so files running in parallel copy it instead of each running
 * `wrangler d1 migrations apply` (see `migratedLocalD1Template`).
 */
import { migratedLocalD1Template } from '../../scripts/lib/local-d1';

export default async function setup(): Promise<void> {
  await migratedLocalD1Template();
}
