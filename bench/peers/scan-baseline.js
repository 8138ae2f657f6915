// A plain Node baseline for `firebreak scan --purls`: parse the OSV JSON array, index it in a Map by
// (ecosystem, normalised name), and evaluate each component against its records' events with the npm
// `semver` package (versions that are not SemVer are coerced, a simplification firebreak does not make).
// Usage: node scan-baseline.js records.json purls.txt   → prints the number of findings.
const fs = require('fs');
const semver = require('semver');

const ecosystems = { npm: 'npm', pypi: 'PyPI', cargo: 'crates.io', golang: 'Go', maven: 'Maven', nuget: 'NuGet', gem: 'RubyGems' };
const normalise = (eco, name) => eco === 'PyPI' ? name.toLowerCase().split(/[-_.]+/).filter(Boolean).join('-')
  : (eco === 'NuGet' || eco === 'crates.io') ? name.toLowerCase() : name;
const parse = (v) => semver.valid(v, { loose: true }) ? semver.parse(v, { loose: true }) : semver.coerce(v);

const index = new Map();
for (const record of JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))) {
  if (record.withdrawn) continue;
  for (const affected of record.affected || []) {
    const key = affected.package.ecosystem + '\0' + normalise(affected.package.ecosystem, affected.package.name);
    if (!index.has(key)) index.set(key, []);
    index.get(key).push({ record, affected });
  }
}

function inRange(version, events) {
  const sorted = events.map(e => { const [kind, at] = Object.entries(e)[0]; return { kind, at: at === '0' ? null : parse(at) }; })
    .filter(e => e.at !== null || e.kind === 'introduced')
    .sort((a, b) => a.at === null ? -1 : b.at === null ? 1 : semver.compare(a.at, b.at));
  let affected = false;
  for (const e of sorted) {
    if (e.kind === 'introduced' && (e.at === null || semver.gte(version, e.at))) affected = true;
    else if (e.kind === 'fixed' && semver.gte(version, e.at)) affected = false;
    else if (e.kind === 'last_affected' && semver.gt(version, e.at)) affected = false;
  }
  return affected;
}

let findings = 0;
for (const line of fs.readFileSync(process.argv[3], 'utf8').split('\n')) {
  const m = /^pkg:([^/]+)\/(.+)@([^?#]+)/.exec(line.trim());
  if (!m) continue;
  const eco = ecosystems[m[1].toLowerCase()];
  if (!eco) continue;
  let name = decodeURIComponent(m[2]);
  if (eco === 'Maven') name = name.replace('/', ':');
  const candidates = index.get(eco + '\0' + normalise(eco, name)) || [];
  const version = parse(m[3]);
  for (const { affected } of candidates) {
    if ((affected.versions || []).includes(m[3])) { findings++; continue; }
    if (version && (affected.ranges || []).some(r => r.type !== 'GIT' && inRange(version, r.events))) findings++;
  }
}
console.log(findings);
