// Drives an osv-offline-db package (the offline OSV store Renovate uses) over the index benchmarks' corpus.
//   node scan-osv-offline.mjs build renovate|jamiemagee DIR records.json   writes the package's database into DIR
//   node scan-osv-offline.mjs query renovate|jamiemagee DIR purls.txt      looks up every purl; prints the findings count
// The package stores and looks up records per (ecosystem, exact package name); it does not evaluate versions
// (Renovate does that with its own versioning), so the query step applies the same semver test as
// scan-baseline.js (osv-semver-match.js) to what the package returns.
//  - @renovatebot/osv-offline-db 3.x: DIR/<ecosystem>.nedb holds one JSON record per line; the first query
//    of an ecosystem reads the file once to map names to line offsets, then each query reads its lines.
//    DIR is taken from OSV_OFFLINE_ROOT_DIR, which must be set before the package loads.
//  - @jamiemagee/osv-offline-db 1.x: DIR/<ecosystem>.nedb is a NeDB datastore (built here through the NeDB
//    it depends on); every ecosystem is loaded into memory and a query scans it with $elemMatch.
// The published databases carry osv.dev's affected[].package.purl, which both packages filter on; the
// generated corpus has none, so the build adds it as osv.dev derives it (the package's own helper).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const { affects, parsePurl } = require('./osv-semver-match.js');
const [mode, flavour, dir, input] = process.argv.slice(2);
const packages = { renovate: '@renovatebot/osv-offline-db', jamiemagee: '@jamiemagee/osv-offline-db' };
if (!['build', 'query'].includes(mode) || !packages[flavour] || !dir || !input) {
  console.error('usage: node scan-osv-offline.mjs build|query renovate|jamiemagee DIR FILE');
  process.exit(2);
}
const { OsvOfflineDb, ecosystems } = await import(packages[flavour]);
const { packageToPurl } = await import('@renovatebot/osv-offline-db/dist/lib/purl-helper.js');

async function build() {
  fs.mkdirSync(dir, { recursive: true });
  const byEcosystem = new Map(ecosystems.map(e => [e, []]));
  for (const record of JSON.parse(fs.readFileSync(input, 'utf8'))) {
    const touched = new Set();
    for (const affected of record.affected || []) {
      const eco = affected.package?.ecosystem;
      if (!byEcosystem.has(eco)) continue;
      // jamiemagee's query matches the package object exactly: { name, ecosystem, purl }.
      affected.package = { name: affected.package.name, ecosystem: eco, purl: packageToPurl(eco, affected.package.name) };
      touched.add(eco);
    }
    for (const eco of touched) byEcosystem.get(eco).push(record);
  }
  let written = 0;
  for (const [eco, records] of byEcosystem) {
    const file = path.join(dir, `${eco.toLowerCase()}.nedb`);
    if (flavour === 'renovate') {
      fs.writeFileSync(file, records.map(r => JSON.stringify(r)).join('\n') + (records.length ? '\n' : ''));
    } else {
      const Datastore = require('@seald-io/nedb');
      const store = new Datastore({ filename: file });
      await store.loadDatabaseAsync();
      await store.insertAsync(records);
      await store.compactDatafileAsync();
    }
    written += records.length;
  }
  console.log(written);
}

async function query() {
  let db;
  if (flavour === 'renovate') db = OsvOfflineDb.create();
  else {
    OsvOfflineDb.rootDirectory = dir;
    db = await OsvOfflineDb.create();
  }
  const purls = fs.readFileSync(input, 'utf8').split('\n').map(parsePurl).filter(Boolean);
  const found = await Promise.all(purls.map(async ({ eco, name, version }) =>
    (await db.query(eco, name)).flatMap(r => r.affected.filter(a => a.package.name === name && a.package.ecosystem === eco))
      .filter(a => affects(a, version)).length));
  if (db[Symbol.dispose]) db[Symbol.dispose]();
  console.log(found.reduce((a, b) => a + b, 0));
}

await (mode === 'build' ? build() : query());
