#!/usr/bin/env bash
# Cross-checks `firebreak versions contains npm` and `versions vers npm` against node-semver on generated ranges
# (and node-semver's own range fixtures when NODE_SEMVER_FIXTURES names test/fixtures of a node-semver checkout):
# validity of the range, satisfies (default), and satisfies with includePrerelease through the vers form.
# node-semver is installed into a temporary folder, never into the repo. Prints the disagreements and the totals.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/Firebreak.Cli" -c Release -o "$work/cli" >/dev/null
(cd "$work" && npm init -y >/dev/null && npm install --silent semver@7 >/dev/null 2>&1)
cp "$root/bench/peers/npm-ranges-crosscheck.js" "$work/"
(cd "$work" && node npm-ranges-crosscheck.js "${SEED:-20261207}" "$work/cases.tsv")
fb() { dotnet "$work/cli/firebreak.dll" versions "$@" || true; }
cut -f1,2 "$work/cases.tsv" | fb contains npm > "$work/contains.out"
cut -f1 "$work/cases.tsv" | fb vers npm > "$work/vers.out"
# A range of no version has no vers; its answer is false. Other errors are kept as they are.
paste "$work/vers.out" <(cut -f2 "$work/cases.tsv") | awk -F'\t' '$1 ~ /^vers:/ { print $1 "\t" $2; next } { print "vers:none/*\t" $2 }' | fb contains npm > "$work/vers-contains.out"
paste "$work/cases.tsv" "$work/contains.out" "$work/vers.out" "$work/vers-contains.out" | awk -F'\t' '
  { total++
    valid = ($3 == "true"); ours = ($7 !~ /^error: / || $7 ~ /admits no version/)
    if (valid != ours) { bad_valid++; if (bad_valid <= 20) print "validity: [" $1 "] node-semver " ($3 == "true" ? "valid" : "invalid") ", firebreak " $6 }
    else if (valid && $6 !~ /^error: /) {
      if ($6 != $4) { bad_sat++; if (bad_sat <= 20) print "satisfies: [" $1 "] " $2 " node-semver " $4 ", firebreak " $6 }
      if ($8 != $5) { bad_inc++; if (bad_inc <= 20) print "includePrerelease via vers: [" $1 "] " $2 " node-semver " $5 ", firebreak " $8 " (" $7 ")" }
    } }
  END { printf "pairs: %d; validity disagrees: %d; satisfies disagrees: %d; includePrerelease (vers) disagrees: %d\n", total, bad_valid, bad_sat, bad_inc }'
