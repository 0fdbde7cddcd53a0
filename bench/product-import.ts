/**
 * The imports' speed (issue #21 sets the budget): reading and previewing a
 * register of 5,000 products (CSV and XLSX) within a few seconds, and
 * importing at least 100 rows a second, products and cooperatives. Runs the worker's own code
 * (src/server/imports) in Node over an in-memory libSQL with the
 * migrations applied; the local D1 under workerd adds its own round trips.
 *
 *   npm run bench:imports [-- --rows 5000 --import 500]
 */
import { parseArgs } from 'node:util';
import { main } from '../scripts/lib/fail';
import { newId } from '../src/server/db/ids';
import { migrateLibsql, openLibsql } from '../src/server/db/node';
import { cooperatives, users } from '../src/server/db/schema';
import { seedReferenceData } from '../src/server/db/seeding';
import { CSV_BYTE_ORDER_MARK, csvRecords } from '../src/server/csv';
import { applyProductImport, planProductImport, PRODUCT_COLUMNS } from '../src/server/imports/product-import';
import { readSpreadsheet } from '../src/server/imports/spreadsheet-file';
import {
  COOPERATIVE_COLUMNS,
  COOPERATIVE_IMPORTER,
  planCooperativeImport,
} from '../src/server/imports/cooperative-import';
import { CHUNK_ROWS } from '../src/server/imports/import-runs';
import writeXlsxFile from 'write-excel-file/universal';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);

await main(async () => {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, import: { type: 'string' } } });
  const count = Number(values.rows ?? 5000);
  const imported = Number(values.import ?? 500);
  const { db, client } = await openLibsql(':memory:');
  await migrateLibsql(client);
  await seedReferenceData(db);
  const cooperativeId = newId();
  await db.insert(cooperatives).values({
    id: cooperativeId,
    slug: 'htx-bench',
    kind: 'hop_tac_xa',
    name: 'HTX Đo tốc độ',
    registrationCode: 'BENCH0001',
    foundedYear: 2020,
    provinceCode: '01',
    commune: 'Xã Thử',
    address: '1 Đường Thử',
    sector: 'trong_trot',
    members: 7,
  });
  const userId = newId();
  await db.insert(users).values({
    id: userId,
    email: 'bench@example.test',
    displayName: 'Bench',
    passwordHash: 'x',
    role: 'member',
    cooperativeId,
  });
  const member = {
    id: userId,
    email: 'bench@example.test',
    displayName: 'Bench',
    role: 'member' as const,
    cooperativeId,
    isManager: false,
  };
  const rows = [
    PRODUCT_COLUMNS.map((column) => column.headers.vi),
    ...Array.from({ length: count }, (_, i) =>
      PRODUCT_COLUMNS.map((column) => (column.field === 'nameVi' ? `Sản phẩm thử số ${i + 1}` : column.example)),
    ),
  ];
  const csv = new TextEncoder().encode(CSV_BYTE_ORDER_MARK + csvRecords(rows));
  const xlsx = new Uint8Array(
    await (
      await writeXlsxFile(rows.map((cells) => cells.map((value) => ({ value, type: String })))).toBlob()
    ).arrayBuffer(),
  );
  console.log(`Product import — ${new Date().toISOString()} — ${count} rows`);
  for (const [format, bytes] of [
    ['CSV', csv],
    ['XLSX', xlsx],
  ] as const) {
    const started = performance.now();
    const sheet = await readSpreadsheet(bytes);
    const plan = await planProductImport(db, member, cooperativeId, sheet.rows);
    console.log(
      `preview ${format} (${(bytes.length / 1024).toFixed(0)} KB): ${seconds(started)} s, ${plan.counts.create} to create`,
    );
  }
  const sheet = await readSpreadsheet(csv);
  const plan = await planProductImport(db, member, cooperativeId, sheet.rows.slice(0, imported + 1));
  const started = performance.now();
  await applyProductImport(db, member, cooperativeId, plan, 'all');
  const took = (performance.now() - started) / 1000;
  console.log(`import: ${imported} rows in ${took.toFixed(2)} s, ${(imported / took).toFixed(0)} rows/s`);

  // The trade department's register: cooperatives, each new one with its manager's invitation, a chunk per batch.
  const officer = {
    ...member,
    id: newId(),
    email: 'officer@example.test',
    role: 'officer' as const,
    cooperativeId: null,
  };
  await db.insert(users).values({ ...officer, passwordHash: 'x' });
  const register = [
    COOPERATIVE_COLUMNS.map((column) => column.headers.vi),
    ...Array.from({ length: imported }, (_, i) =>
      COOPERATIVE_COLUMNS.map((column) =>
        column.field === 'name'
          ? `HTX Đo tốc độ số ${i + 1}`
          : column.field === 'registrationCode'
            ? `BN${String(i).padStart(8, '0')}`
            : column.field === 'managerEmail'
              ? `quanly${i}@bench.test`
              : column.example,
      ),
    ),
  ];
  const context = {
    invite: true,
    locale: 'vi' as const,
    linkFor: (token: string) => `https://cho.test/?code=${token}`,
  };
  const cooperativePlan = await planCooperativeImport(db, officer, register, new Date());
  const since = performance.now();
  for (let at = 0; at < cooperativePlan.rows.length; at += CHUNK_ROWS)
    await COOPERATIVE_IMPORTER.write(
      db,
      officer,
      null,
      cooperativePlan.rows.slice(at, at + CHUNK_ROWS),
      context,
      new Date(),
      [],
    );
  const cooperativeTook = (performance.now() - since) / 1000;
  console.log(
    `import of cooperatives (with invitations): ${imported} rows in ${cooperativeTook.toFixed(2)} s, ${(imported / cooperativeTook).toFixed(0)} rows/s`,
  );
  client.close();
});
