// A plain Node baseline for `firebreak scan --purls`: parse the OSV JSON array, index it in a Map by
// (ecosystem, normalised name), and evaluate each component against its records' events with the npm
// `semver` package (osv-semver-match.js).
// Usage: node scan-baseline.js records.json purls.txt   → prints the number of findings.
const fs = require('fs');
const { normalise, affects, parsePurl } = require('./osv-semver-match.js');

const index = new Map();
for (const record of JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))) {
  if (record.withdrawn) continue;
  for (const affected of record.affected || []) {
    const key = affected.package.ecosystem + '\0' + normalise(affected.package.ecosystem, affected.package.name);
    if (!index.has(key)) index.set(key, []);
    index.get(key).push({ record, affected });
  }
}

let findings = 0;
for (const line of fs.readFileSync(process.argv[3], 'utf8').split('\n')) {
  const purl = parsePurl(line);
  if (!purl) continue;
  for (const { affected } of index.get(purl.eco + '\0' + normalise(purl.eco, purl.name)) || []) {
    if (affects(affected, purl.version)) findings++;
  }
}
console.log(findings);
