#!/usr/bin/env bash
# What leaves Rapport for the client, as other programs read it: the weekly
# update (`rapport export update`, PDF, Markdown, e-mail draft) and a meeting's
# recap (`rapport recap`, PDF and e-mail draft) of the demo. Each PDF passes
# qpdf --check; no internal note of the demo appears in any of them (pdftotext
# for the PDFs); each .eml parses with Python's email package and has a plain
# text and an HTML part. The tools are installed by setup.sh.
#   client_loop_check.sh RAPPORT DEMO OUT_DIR
set -euo pipefail
rapport=$1 demo=$2 out=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in pdftotext qpdf python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (poppler-utils, qpdf: run ./setup.sh)"
done
mkdir -p "$out"
"$rapport" export update "$demo" "$out/update.pdf" >/dev/null
"$rapport" export update "$demo" "$out/update-letter.pdf" --letter --since 2026-11-01 >/dev/null
"$rapport" export update "$demo" "$out/update.md" >/dev/null
"$rapport" export update "$demo" "$out/update.eml" >/dev/null
"$rapport" recap "$demo" "Weekly check-in" 2026-11-06 "$out/recap.pdf" >/dev/null
"$rapport" recap "$demo" "Weekly check-in" 2026-11-06 "$out/recap.eml" >/dev/null
"$rapport" export pdf "$demo" "$out/report.pdf" >/dev/null

# Bad input: a clear message and exit code 2, nothing written.
if "$rapport" export update "$demo" "$out/update.txt" 2>"$out/err.txt"; then
  fail "export update to .txt succeeded"
fi
grep -q "must end in .pdf, .md or .eml" "$out/err.txt" || fail "no message for a wrong extension"
[[ ! -e "$out/update.txt" ]] || fail "update.txt was written"

# The demo's internal notes (make_demo()): none may reach the client.
secrets=("Fixed fee is tight" "Priced at cost" "Vendor API is undocumented" "keep goodwill")
for pdf in "$out/update.pdf" "$out/update-letter.pdf" "$out/recap.pdf" "$out/report.pdf"; do
  [[ $(head -c 5 "$pdf") == "%PDF-" ]] || fail "$pdf does not start with %PDF-"
  qpdf --check "$pdf" >/dev/null || fail "qpdf --check $pdf"
  pdftotext -enc UTF-8 "$pdf" "$pdf.txt"
  for s in "${secrets[@]}"; do
    if grep -qF "$s" "$pdf.txt"; then fail "$pdf contains the internal '$s'"; fi
  done
done
for s in "${secrets[@]}"; do
  if grep -qF "$s" "$out/update.md"; then fail "update.md contains the internal '$s'"; fi
done
grep -q "Weekly update · " "$out/update.pdf.txt" || fail "no 'Weekly update · <date>' in the update"
grep -q "Milestones that moved" "$out/update.pdf.txt" || fail "no moved milestones in the update"
grep -q "The next weeks" "$out/update.pdf.txt" || fail "no timeline in the update"
grep -q "Today" "$out/report.pdf.txt" || fail "no today line label in the report's timeline"
grep -q "What we agreed" "$out/recap.pdf.txt" || fail "no agreed actions in the recap PDF"
grep -q "Joost writes up the change request" "$out/recap.pdf.txt" || fail "recap PDF lacks the action"

for eml in "$out/update.eml" "$out/recap.eml"; do
  python3 - "$eml" "${secrets[@]}" <<'PY' || fail "$eml"
import email, email.policy, sys
path, secrets = sys.argv[1], sys.argv[2:]
with open(path, 'rb') as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)
assert msg.get_content_type() == 'multipart/alternative', msg.get_content_type()
assert msg['Subject'], 'no subject'
assert msg['To'] and '@' in str(msg['To']), 'no recipient'
plain = msg.get_body(preferencelist=('plain',))
html = msg.get_body(preferencelist=('html',))
assert plain is not None and html is not None, 'a part is missing'
text, page = plain.get_content(), html.get_content()
assert len(text) > 100 and '<' in page, 'empty parts'
for s in secrets:
    assert s not in text and s not in page, 'internal: ' + s
PY
done
echo "client loop check passed: $(ls "$out" | tr '\n' ' ')"
