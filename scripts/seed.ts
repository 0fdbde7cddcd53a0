/**
 * `npm run seed`: loads the provinces and the demo catalogue into the local
 * database (or LIBSQL_URL). Safe to run any number of times.
 */
import { countCatalogue, seedDemoData, seedReferenceData } from '../src/server/db/seeding';
import { seedDemoEvidence } from '../src/server/db/seed/evidence';
import { seedDemoPictures } from '../src/server/db/seed/pictures';
import { readLocalConfig } from './lib/config';
import { demoPictureFiles } from './lib/demo-picture-files';
import { openMigratedDatabase } from './lib/database';
import { main } from './lib/fail';

await main(async () => {
  const database = await openMigratedDatabase(readLocalConfig());
  try {
    const before = await countCatalogue(database.db);
    await seedReferenceData(database.db);
    await seedDemoData(database.db, new Date());
    const pictures = await seedDemoPictures(database.db, database.media, demoPictureFiles, new Date());
    const evidence = await seedDemoEvidence(database.db, database.media.bucket, new Date());
    const after = await countCatalogue(database.db);
    console.log(`Seeded ${database.label}:`);
    for (const key of Object.keys(after) as (keyof typeof after)[]) {
      console.log(`  ${key}: ${before[key]} -> ${after[key]}`);
    }
    console.log(
      `  pictures added: ${pictures.products} products, ${pictures.logos} logos, ${pictures.covers} event covers`,
    );
    console.log(`  evidence files added: ${evidence}`);
  } finally {
    await database.close();
  }
});
