/**
 * `npm start`: build the worker, migrate the local database, seed it when
 * empty, and serve the portal in workerd at a printed URL. Data stays in
 * DATA_DIR (default .data/) across restarts.
 */
import { DEMO_ACCOUNTS } from '../src/server/db/seed/accounts';
import {
  countCatalogue,
  seedDemoAccounts,
  seedDemoData,
  seedDemoTrends,
  seedReferenceData,
} from '../src/server/db/seeding';
import { seedDemoEvidence } from '../src/server/db/seed/evidence';
import { seedDemoPictures } from '../src/server/db/seed/pictures';
import { hasDemoData } from '../src/server/stats/demo';
import { readLocalConfig } from './lib/config';
import { demoPictureFiles } from './lib/demo-picture-files';
import { openMigratedDatabase } from './lib/database';
import { main } from './lib/fail';
import { runTool } from './lib/run';
import { ensurePortFree, startWorker } from './lib/worker-server';

function step(text: string) {
  console.log(`\u2192 ${text}`);
}

await main(async () => {
  const config = readLocalConfig();
  await ensurePortFree(config.host, config.port);

  step('Building the worker (astro build)');
  await runTool('Building the worker', 'astro', ['build']);

  step(config.libsqlUrl ? 'Migrating the libSQL database' : 'Migrating the local D1 database');
  const database = await openMigratedDatabase(config);
  let demo = false;
  try {
    await seedReferenceData(database.db);
    let counts = await countCatalogue(database.db);
    if (counts.cooperatives === 0 && counts.products === 0) {
      step('Seeding the demo catalogue (the database was empty)');
      await seedDemoData(database.db, new Date());
      counts = await countCatalogue(database.db);
    }
    demo = await hasDemoData(database.db);
    // Demo catalogues seeded before accounts (or pictures) existed get them too,
    // and a history of monthly snapshots, for the trends and targets' pace.
    if (demo) {
      await seedDemoAccounts(database.db);
      await seedDemoTrends(database.db, new Date());
      const pictures = await seedDemoPictures(database.db, database.media, demoPictureFiles, new Date());
      if (pictures.products + pictures.logos + pictures.covers > 0)
        step(
          `Demo pictures stored through the upload path: ${pictures.products} products, ${pictures.logos} logos, ${pictures.covers} event covers`,
        );
      const evidence = await seedDemoEvidence(database.db, database.media.bucket, new Date());
      if (evidence > 0) step(`Demo evidence files (MẪU / DEMO PDFs) stored for ${evidence} verified claims`);
    }
    step(
      `Database: ${database.label} — ${counts.provinces} provinces, ${counts.cooperatives} cooperatives, ` +
        `${counts.products} products, ${counts.events} events`,
    );
  } finally {
    await database.close();
  }

  step('Starting the worker in workerd (wrangler dev)');
  const server = await startWorker({
    host: config.host,
    port: config.port,
    dataDir: config.dataDir,
    vars: {
      // Local runs keep mail in the database and show it at /dev/outbox (README, "Mail").
      DEV_OUTBOX: '1',
      ...(config.libsqlUrl
        ? {
            LIBSQL_URL: config.libsqlUrl,
            ...(config.libsqlAuthToken ? { LIBSQL_AUTH_TOKEN: config.libsqlAuthToken } : {}),
          }
        : {}),
    },
  });
  console.log(`\nChợ HTX is running at ${server.url}/  (English: ${server.url}/en/)`);
  if (demo) {
    console.log(`Demo accounts (local only; sign in at ${server.url}/dang-nhap):`);
    for (const account of DEMO_ACCOUNTS)
      console.log(`  ${account.email.padEnd(26)} ${account.password.padEnd(19)} ${account.displayName}`);
  }
  console.log(`Mail sent by this server (password reset, invitations): ${server.url}/dev/outbox`);
  console.log('Press Ctrl+C to stop. Your data is kept for the next start.\n');
  server.process.stdout?.pipe(process.stdout);
  server.process.stderr?.pipe(process.stderr);

  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  await new Promise<void>((r) => server.process.once('exit', () => r()));
});
