// Scores CVSS v4.0 vectors read one per line from standard input with the npm package `cvss4`
// (calculateBaseScoreV4); prints "VECTOR<TAB>SCORE" per line. The peer of the side-by-side run.
"use strict";
const { calculateBaseScoreV4 } = require("cvss4");
const lines = require("fs").readFileSync(0, "utf8").split("\n").filter((l) => l.length > 0);
const out = new Array(lines.length);
for (let i = 0; i < lines.length; i++) out[i] = lines[i] + "\t" + Number(calculateBaseScoreV4(lines[i])).toFixed(1);
process.stdout.write(out.join("\n") + "\n");
