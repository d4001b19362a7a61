// Rows for team work (issue 17): merging two 100k-item engagements that each
// changed 1,000 items (targets < 1 s), and `rapport diff` of the same
// (describe_changes, < 1 s). Quick: 10k items, 100 changes per side.
#include <string>
#include <variant>

#include "bench.hpp"
#include "rapport/demo.hpp"
#include "rapport/fields.hpp"
#include "rapport/merge.hpp"

using namespace rapport;
using rapport::bench::median_ms;
using rapport::bench::row;
using rapport::bench::size_label;

namespace {

// Renames every `step`-th item (from `offset`) through its first text field.
void rename_some(Engagement& e, size_t step, size_t offset, const char* tag, size_t& changed,
                 size_t limit) {
  size_t i = 0;
  for_each_table(e, [&](auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    for (auto& [id, item] : table.items) {
      if (changed >= limit) return;
      if (i++ % step != offset) continue;
      for (const Field<T>& f : fields<T>()) {
        if (auto m = std::get_if<std::string T::*>(&f.member);
            m && (f.type == FieldType::Text || f.type == FieldType::LongText)) {
          item.*(*m) += tag;
          ++changed;
          break;
        }
      }
    }
  });
}

}  // namespace

void bench_merge_rows(bool quick) {
  const size_t n = quick ? 10000 : 100000;
  const size_t changes = quick ? 100 : 1000;
  const Engagement base = generate_engagement(n, 1);
  Engagement ours = base, theirs = base;
  size_t changed_ours = 0, changed_theirs = 0;
  const size_t step = n / changes;
  rename_some(ours, step, 0, " (ours)", changed_ours, changes);
  // Theirs changes other items, and 10 of ours' too: those become conflicts.
  rename_some(theirs, step, step / 2, " (theirs)", changed_theirs, changes - 10);
  rename_some(theirs, step * (changes / 10), 0, " (theirs)", changed_theirs, changes);
  MergeResult merged;
  const double merge_ms = median_ms(3, [&] { merged = merge(base, ours, theirs); });
  row("merge: two sides, 1,000 changed items each", size_label(n), merge_ms, "ms");
  row("merge: conflicts found", size_label(n), double(merged.new_conflicts), "count");
  std::vector<std::string> lines;
  const double diff_ms = median_ms(3, [&] { lines = describe_changes(base, merged.merged); });
  row("diff: base to merged, as sentences", size_label(n), diff_ms, "ms");
  row("diff: sentences", size_label(n), double(lines.size()), "count");
}
