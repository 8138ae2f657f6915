// The version test the Node baselines share (scan-baseline.js, scan-osv-offline.mjs): an affected entry
// matches a version when it lists it explicitly or one of its non-GIT ranges contains it, events evaluated
// in order with the npm `semver` package (versions that are not SemVer are coerced, a simplification
// firebreak does not make).
const semver = require('semver');

const ecosystems = { npm: 'npm', pypi: 'PyPI', cargo: 'crates.io', golang: 'Go', maven: 'Maven', nuget: 'NuGet', gem: 'RubyGems' };
const normalise = (eco, name) => eco === 'PyPI' ? name.toLowerCase().split(/[-_.]+/).filter(Boolean).join('-')
  : (eco === 'NuGet' || eco === 'crates.io') ? name.toLowerCase() : name;
const parse = (v) => semver.valid(v, { loose: true }) ? semver.parse(v, { loose: true }) : semver.coerce(v);

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

// True when the affected entry covers the version (as written in the purl).
function affects(affected, raw) {
  if ((affected.versions || []).includes(raw)) return true;
  const version = parse(raw);
  return !!version && (affected.ranges || []).some(r => r.type !== 'GIT' && inRange(version, r.events));
}

// pkg:type/namespace/name@version → { eco, name (as OSV writes it), version }, or null.
function parsePurl(line) {
  const m = /^pkg:([^/]+)\/(.+)@([^?#]+)/.exec(line.trim());
  if (!m) return null;
  const eco = ecosystems[m[1].toLowerCase()];
  if (!eco) return null;
  let name = decodeURIComponent(m[2]);
  if (eco === 'Maven') name = name.replace('/', ':');
  return { eco, name, version: m[3] };
}

module.exports = { ecosystems, normalise, parse, inRange, affects, parsePurl };
