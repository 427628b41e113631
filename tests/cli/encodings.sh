#!/usr/bin/env bash
# The CLI reads GB18030 input, says so, and finds the same tables as in UTF-8;
# exit codes: 2 for input errors, 0/1 otherwise.
set -euo pipefail
cli="$1"
fixture="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
iconv -f UTF-8 -t GB18030 "$fixture" > "$tmp/report.gb18030.txt"
cp "$fixture" "$tmp/report.utf8.txt"
status=0
"$cli" check --format json "$tmp/report.utf8.txt" > "$tmp/utf8.json" || status=$?
[ "$status" -le 1 ] || { echo "UTF-8 run failed with $status"; exit 1; }
status=0
"$cli" check --format json "$tmp/report.gb18030.txt" > "$tmp/gb.json" || status=$?
[ "$status" -le 1 ] || { echo "GB18030 run failed with $status"; exit 1; }
node -e '
const fs = require("fs");
const a = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const b = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
if (a.input.encoding !== "utf-8") throw new Error("UTF-8 input reported as " + a.input.encoding);
if (b.input.encoding !== "gb18030") throw new Error("GB18030 input reported as " + b.input.encoding);
for (const k of ["document", "tables", "sections", "findings", "checks", "summary"])
  if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) throw new Error(k + " differ between UTF-8 and GB18030");
console.log("GB18030 detected; same tables, sections and findings as UTF-8 (" + a.tables.length + " tables)");
' "$tmp/utf8.json" "$tmp/gb.json"
# UTF-16 with a byte-order mark (Windows' "Unicode" text, little- and
# big-endian) is converted and read like the UTF-8; without the mark it is
# refused with input.utf16 (exit 2), never read as GB18030 or called binary.
printf '\xff\xfe' > "$tmp/report.utf16le.txt"
iconv -f UTF-8 -t UTF-16LE "$fixture" >> "$tmp/report.utf16le.txt"
printf '\xfe\xff' > "$tmp/report.utf16be.txt"
iconv -f UTF-8 -t UTF-16BE "$fixture" >> "$tmp/report.utf16be.txt"
iconv -f UTF-8 -t UTF-16LE "$fixture" > "$tmp/report.utf16-nobom.txt"
for enc in utf16le utf16be; do
  status=0
  "$cli" check --format json "$tmp/report.$enc.txt" > "$tmp/$enc.json" || status=$?
  [ "$status" -le 1 ] || { echo "$enc run failed with $status"; exit 1; }
done
status=0
"$cli" check --format json "$tmp/report.utf16-nobom.txt" > "$tmp/nobom.json" || status=$?
[ "$status" -eq 2 ] || { echo "UTF-16 without a byte-order mark: exit $status, expected 2"; exit 1; }
node -e '
const fs = require("fs");
const [utf8, le, be, nobom] = process.argv.slice(1, 5).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
if (le.input.encoding !== "utf-16le") throw new Error("UTF-16LE input reported as " + le.input.encoding);
if (be.input.encoding !== "utf-16be") throw new Error("UTF-16BE input reported as " + be.input.encoding);
for (const k of ["document", "tables", "sections", "findings", "checks", "summary"]) {
  if (JSON.stringify(utf8[k]) !== JSON.stringify(le[k])) throw new Error(k + " differ between UTF-8 and UTF-16LE");
  if (JSON.stringify(utf8[k]) !== JSON.stringify(be[k])) throw new Error(k + " differ between UTF-8 and UTF-16BE");
}
if (le.input.bytes !== fs.statSync(process.argv[5]).size) throw new Error("UTF-16LE: bytes are not the file size");
const ids = nobom.messages.map((m) => m.id).join(",");
if (ids !== "input.utf16") throw new Error("UTF-16 without a byte-order mark: messages " + ids);
if (nobom.input.encoding !== "unknown") throw new Error("UTF-16 without a byte-order mark: encoding " + nobom.input.encoding);
console.log("UTF-16LE and UTF-16BE with a byte-order mark read like the UTF-8; without one: exit 2 with input.utf16");
' "$tmp/utf8.json" "$tmp/utf16le.json" "$tmp/utf16be.json" "$tmp/nobom.json" "$tmp/report.utf16le.txt"
# Input errors exit 2 with a message.
status=0
printf '' > "$tmp/empty.txt"
"$cli" check "$tmp/empty.txt" > "$tmp/empty.out" || status=$?
[ "$status" -eq 2 ] || { echo "empty input: exit $status, expected 2"; exit 1; }
grep -q 'input.empty' "$tmp/empty.out" || { echo "empty input: no input.empty message"; exit 1; }
echo "empty input: exit 2 with input.empty"
# Well-formed UTF-8 only, as the page's TextDecoder({fatal: true}) decides:
# a UTF-16 surrogate encoded in UTF-8 (ED A0 80) is neither UTF-8 nor GB18030,
# so the encoding is "unknown" and the invalid bytes are reported (exit 2),
# never passed off as UTF-8.
printf 'ok\n\xed\xa0\x80 surrogate\n' > "$tmp/surrogate.txt"
status=0
"$cli" check --format json "$tmp/surrogate.txt" > "$tmp/surrogate.json" || status=$?
[ "$status" -eq 2 ] || { echo "surrogate: exit $status, expected 2"; exit 1; }
grep -q '"encoding":"unknown"' "$tmp/surrogate.json" || { echo "surrogate: encoding not unknown"; exit 1; }
grep -q 'input.invalid_utf8' "$tmp/surrogate.json" || { echo "surrogate: no input.invalid_utf8"; exit 1; }
echo "UTF-8 surrogate: encoding unknown, exit 2 with input.invalid_utf8"
