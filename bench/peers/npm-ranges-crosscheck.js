// Cross-checks `firebreak versions` against node-semver (the npm package `semver`), the reference for npm's range
// grammar: generates ranges and versions from a fixed seed, and writes for each pair
//   RANGE<TAB>VERSION<TAB>valid<TAB>satisfies<TAB>satisfies-with-includePrerelease
// where valid is node-semver's verdict on the range. Optionally adds node-semver's own test fixtures (range-include,
// range-exclude, range-parse) when NODE_SEMVER_FIXTURES names their folder. Used by versions-crosscheck.sh.
"use strict";
const semver = require("semver");
const fs = require("fs");
const path = require("path");

let seed = Number(process.argv[2] || 20261207);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(random() * a.length)];
const num = () => pick(["0", "1", "2", "3", "10", "0", "1"]);
const xr = () => (random() < 0.15 ? pick(["x", "X", "*"]) : num());
const pre = () => (random() < 0.3 ? "-" + pick(["alpha", "beta.1", "0", "rc.2", "alpha.0", "1"]) : "");
const partial = () => {
  const n = 1 + Math.floor(random() * 3);
  const parts = [xr(), xr(), xr()].slice(0, n);
  return (random() < 0.1 ? "v" : "") + parts.join(".") + (n === 3 ? pre() : "");
};
const simple = () => {
  const r = random();
  if (r < 0.2) return "^" + partial();
  if (r < 0.35) return pick(["~", "~>", "~ "]) + partial();
  if (r < 0.7) return pick(["<", "<=", ">", ">=", "=", "> ", ">= "]) + partial();
  return partial();
};
const set = () => {
  if (random() < 0.15) return partial() + " - " + partial();
  const n = 1 + Math.floor(random() * 3);
  return Array.from({ length: n }, simple).join(" ");
};
const range = () => Array.from({ length: 1 + Math.floor(random() * 3) }, set).join(pick([" || ", "||", " ||  "]));
const version = () => `${num()}.${num()}.${num()}${pre()}`;

const pairs = [];
for (let i = 0; i < 3000; i++) {
  const r = range();
  for (let k = 0; k < 8; k++) pairs.push([r, version()]);
}
const fixtures = process.env.NODE_SEMVER_FIXTURES;
if (fixtures) {
  for (const name of ["range-include.js", "range-exclude.js"]) {
    for (const [r, v, options] of require(path.join(fixtures, name))) {
      if (options && (options === true || options.loose)) continue; // loose mode is not npm's grammar
      if (typeof r === "string" && typeof v === "string" && !/[\t\n]/.test(r + v)) pairs.push([r, v]);
    }
  }
  for (const [r, , options] of require(path.join(fixtures, "range-parse.js"))) {
    if (options && (options === true || options.loose)) continue;
    if (typeof r === "string" && !/[\t\n]/.test(r)) pairs.push([r, "1.2.3"]);
  }
}
const out = pairs.map(([r, v]) => {
  const valid = semver.validRange(r) !== null;
  const ok = valid && semver.valid(v) !== null;
  return [r, v, valid, ok && semver.satisfies(v, r), ok && semver.satisfies(v, r, { includePrerelease: true })].join("\t");
});
fs.writeFileSync(process.argv[3] || "/dev/stdout", out.join("\n") + "\n");
