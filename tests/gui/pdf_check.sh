#!/usr/bin/env bash
# The PDF status report as other programs read it: `rapport export pdf` on the
# demo in A4 and US Letter, then poppler (pdfinfo, pdffonts, pdftotext) and qpdf.
# The tools are installed by setup.sh; a missing one fails the test.
#   pdf_check.sh RAPPORT DEMO OUT_DIR
set -euo pipefail
rapport=$1 demo=$2 out=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in pdfinfo pdffonts pdftotext qpdf; do
  command -v "$tool" >/dev/null || fail "$tool is missing (poppler-utils, qpdf: run ./setup.sh)"
done
mkdir -p "$out"
"$rapport" export pdf "$demo" "$out/report-a4.pdf" >/dev/null
"$rapport" export pdf "$demo" "$out/report-letter.pdf" --letter >/dev/null
"$rapport" export md "$demo" "$out/report.md" >/dev/null

for pdf in "$out/report-a4.pdf" "$out/report-letter.pdf"; do
  [[ $(head -c 5 "$pdf") == "%PDF-" ]] || fail "$pdf does not start with %PDF-"
  # No pipes into grep -q: under pipefail an early exit would fail (or pass) falsely.
  [[ $(tail -c 32 "$pdf") == *%%EOF* ]] || fail "$pdf does not end with %%EOF"
  qpdf --check "$pdf" >/dev/null || fail "qpdf --check $pdf"
  # The UI font embedded (Inter, or DejaVu Sans where Inter is missing).
  listing=$(pdffonts "$pdf")
  fonts=$(tail -n +3 <<<"$listing")
  [[ -n "$fonts" ]] || fail "$pdf has no fonts"
  if grep -qv -E '(Inter|DejaVuSans)[^ ]* .* yes +yes +yes' <<<"$fonts"; then
    echo "$fonts" >&2
    fail "$pdf has a font that is not Inter or DejaVu Sans, embedded"
  fi
done
a4=$(pdfinfo "$out/report-a4.pdf")
letter=$(pdfinfo "$out/report-letter.pdf")
grep -q 'Page size: *595.276 x 841.89 pts (A4)' <<<"$a4" || fail "A4 size"
grep -q 'Page size: *612 x 792 pts (letter)' <<<"$letter" || fail "Letter size"

# The same words as the Markdown report (split at every byte that is not an
# ASCII letter or digit, so both sides split the same way).
pdftotext -enc UTF-8 "$out/report-a4.pdf" "$out/report-a4.txt"
words() { LC_ALL=C tr -cs '[:alnum:]' '\n' <"$1" | LC_ALL=C sort -u; }
missing=$(LC_ALL=C comm -23 <(words "$out/report.md") <(words "$out/report-a4.txt"))
[[ -z "$missing" ]] || fail "words of the Markdown report missing in the PDF: $missing"
pages=$(awk '/^Pages:/ {print $2}' <<<"$a4")
grep -q "Page $pages of $pages" "$out/report-a4.txt" || fail "no 'Page $pages of $pages'"
grep -q "Status report · " "$out/report-a4.txt" || fail "no 'Status report · <date>'"
echo "PDF check passed: $pages pages, fonts: $(pdffonts "$out/report-a4.pdf" | tail -n +3 | awk '{print $1}' | tr '\n' ' ')"
