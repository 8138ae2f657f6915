// Scores CVSS vectors read one per line from standard input with ae-cvss-calculator (the
// reference used for comparison); prints "VECTOR<TAB>SCORE" per line.
"use strict";
const lib = require("ae-cvss-calculator");
const lines = require("fs").readFileSync(0, "utf8").split("\n").filter((l) => l.length > 0);
const out = [];
for (const v of lines) {
  const c = v.startsWith("CVSS:4.0") ? new lib.Cvss4P0(v) : new lib.Cvss3P1(v);
  out.push(v + "\t" + c.calculateScores().overall);
}
process.stdout.write(out.join("\n") + "\n");
