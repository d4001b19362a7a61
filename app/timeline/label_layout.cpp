#include "timeline/label_layout.hpp"

#include <algorithm>
#include <numeric>

namespace rapport::app {
namespace {

// What is taken in one sub-row: items and the labels placed so far, sorted by x0.
class RowSpace {
 public:
  void add(float x0, float x1, size_t owner) {
    Taken t{x0, x1, owner};
    auto at = std::upper_bound(taken_.begin(), taken_.end(), t,
                               [](const Taken& a, const Taken& b) { return a.x0 < b.x0; });
    taken_.insert(at, t);
    longest_ = std::max(longest_, x1 - x0);
  }

  // Whether [a, b] keeps `gap` clear of everything not owned by `owner`.
  bool free(float a, float b, float gap, size_t owner) const {
    auto it = std::lower_bound(taken_.begin(), taken_.end(), b + gap,
                               [](const Taken& t, float x) { return t.x0 < x; });
    // Everything from `it` on starts at or after b + gap; before it, only what is
    // long enough to reach back to `a` can overlap.
    while (it != taken_.begin()) {
      --it;
      if (it->x0 + longest_ + gap < a) break;
      if (it->owner != owner && a < it->x1 + gap && it->x0 < b + gap) return false;
    }
    return true;
  }

  // How far right a label starting at `a` may reach before it comes within `gap` of
  // something not owned by `owner`; `a` or less when it is blocked at the start.
  float room_end(float a, float limit, float gap, size_t owner) const {
    float end = limit;
    for (const Taken& t : taken_) {
      if (t.owner == owner || t.x1 + gap <= a) continue;
      if (t.x0 - gap <= a) return a;  // covers the start
      end = std::min(end, t.x0 - gap);
      break;  // sorted by x0: the first one starting after `a` bounds the room
    }
    return end;
  }

 private:
  struct Taken {
    float x0, x1;
    size_t owner;
  };
  std::vector<Taken> taken_;
  float longest_ = 0;
};

}  // namespace

std::vector<LabelPlacement> layout_labels(std::span<const LabelItem> items,
                                          const LabelLayoutParams& p) {
  const int rows = std::max(1, p.rows);
  std::vector<LabelPlacement> out(items.size());
  std::vector<RowSpace> space(static_cast<size_t>(rows));
  auto row_of = [&](const LabelItem& it) { return std::clamp(it.row, 0, rows - 1); };
  for (size_t i = 0; i < items.size(); ++i)
    space[size_t(row_of(items[i]))].add(items[i].x0, items[i].x1, i);

  // Left to right, so a label claims the room after its item before the next one does.
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), size_t(0));
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return items[a].x0 < items[b].x0; });

  for (size_t i : order) {
    const LabelItem& it = items[i];
    LabelPlacement& at = out[i];
    const int row = row_of(it);
    at.row = row;
    if (it.width <= 0 || it.x1 <= p.view_x0 || it.x0 >= p.view_x1) continue;
    const bool own_bar = it.bar_x1 > it.bar_x0;
    const float bar0 = std::max(own_bar ? it.bar_x0 : it.x0, p.view_x0);
    const float bar1 = std::min(own_bar ? it.bar_x1 : it.x1, p.view_x1);
    auto claim = [&](LabelWhere where, int r, float a, float b) {
      at = LabelPlacement{where, r, a, b};
      space[size_t(r)].add(a, b, i);
    };
    // Inside: only where no other item or label lies over the bar (items of one row
    // rarely overlap, but a label must never be drawn over another).
    const float inside_room =
        it.has_bar && space[size_t(row)].free(bar0, bar1, 0, i) ? bar1 - bar0 - 2 * p.pad : 0.0f;
    if (it.width <= inside_room) {
      claim(LabelWhere::Inside, row, bar0 + p.pad, bar0 + p.pad + it.width);
      continue;
    }
    const float right0 = std::max(it.x1 + p.gap, p.view_x0 + p.pad);
    if (right0 + it.width <= p.view_x1 &&
        space[size_t(row)].free(right0, right0 + it.width, p.gap, i)) {
      claim(LabelWhere::Right, row, right0, right0 + it.width);
      continue;
    }
    // Another sub-row, nearest first: under the item, else level with where it would
    // have gone on its own row.
    bool placed = false;
    for (int d = 1; d < rows && !placed; ++d) {
      for (int r : {row + d, row - d}) {
        if (placed || r < 0 || r >= rows) continue;
        for (float a : {std::max(it.x0, p.view_x0 + p.pad), right0}) {
          if (a + it.width > p.view_x1 || !space[size_t(r)].free(a, a + it.width, p.gap, i))
            continue;
          claim(LabelWhere::OtherRow, r, a, a + it.width);
          placed = true;
          break;
        }
      }
    }
    if (placed) continue;
    // The last resort: shortened where there is the most room: inside the bar, to its
    // right, or on another sub-row.
    float best_room = inside_room, best_x0 = bar0 + p.pad;
    int best_row = row;
    const int shorten_rows = p.shorten_rows > 0 ? std::min(p.shorten_rows, rows) : rows;
    for (int r = 0; r < shorten_rows; ++r) {
      for (float a : {right0, std::max(it.x0, p.view_x0 + p.pad)}) {
        if (r == row && a != right0) continue;
        float room = space[size_t(r)].room_end(a, p.view_x1, p.gap, i) - a;
        if (room > best_room + 0.5f) {
          best_room = room;
          best_x0 = a;
          best_row = r;
        }
      }
    }
    if (best_room >= p.min_width)
      claim(LabelWhere::Shortened, best_row, best_x0, best_x0 + best_room);
  }
  return out;
}

std::string shorten_to_width(std::string_view text, float max_width,
                             const std::function<float(std::string_view)>& width_of) {
  if (width_of(text) <= max_width) return std::string(text);
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
  // The longest prefix (whole UTF-8 characters, trailing blanks dropped) that fits
  // with the ellipsis; widths grow with the prefix, so a binary search finds it.
  std::vector<size_t> cuts;  // byte offsets after each character
  for (size_t k = 1; k <= text.size(); ++k) {
    if (k == text.size() || (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) cuts.push_back(k);
  }
  auto candidate = [&](size_t n) {
    std::string s(text.substr(0, n));
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + std::string(kEllipsis);
  };
  size_t lo = 0, hi = cuts.size();  // cuts[0..lo) fit; find the largest
  while (lo < hi) {
    size_t mid = (lo + hi + 1) / 2;
    if (width_of(candidate(cuts[mid - 1])) <= max_width)
      lo = mid;
    else
      hi = mid - 1;
  }
  if (lo == 0) return {};
  return candidate(cuts[lo - 1]);
}

}  // namespace rapport::app
