// The timeline's label layout as pure geometry: inside when it fits, else to the
// right, else another sub-row, else shortened with an ellipsis; never two labels on
// top of each other, never a label over another item.
#include <catch2/catch.hpp>
#include <random>

#include "timeline/label_layout.hpp"

using namespace rapport::app;

namespace {

LabelLayoutParams view(int rows = 1) {
  LabelLayoutParams p;
  p.rows = rows;
  p.view_x0 = 0;
  p.view_x1 = 1000;
  return p;
}

LabelItem bar(int row, float x0, float x1, float width) {
  return LabelItem{row, x0, x1, width, true};
}
LabelItem marker(int row, float x, float width) {
  return LabelItem{row, x - 8, x + 8, width, false};
}

// Three ASCII letters per ten pixels; the ellipsis is ten pixels.
float fake_width(std::string_view s) {
  float w = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    if (s.substr(k, 3) == "\xE2\x80\xA6") {
      w += 10;
      k += 2;
    } else {
      w += 10.0f / 3;
    }
  }
  return w;
}

}  // namespace

TEST_CASE("a label that fits its bar goes inside it", "[ui][labels]") {
  std::vector<LabelItem> items{bar(0, 100, 300, 80)};
  auto out = layout_labels(items, view());
  REQUIRE(out.size() == 1);
  CHECK(out[0].where == LabelWhere::Inside);
  CHECK(out[0].x0 >= 100);
  CHECK(out[0].x1 <= 300);
  CHECK(out[0].x1 - out[0].x0 == Approx(80));
}

TEST_CASE("a label inside a bar that starts off-screen starts at the visible edge",
          "[ui][labels]") {
  std::vector<LabelItem> items{bar(0, -500, 300, 80)};
  auto out = layout_labels(items, view());
  CHECK(out[0].where == LabelWhere::Inside);
  CHECK(out[0].x0 >= 0);
}

TEST_CASE("a label too long for its bar goes to the right of the bar", "[ui][labels]") {
  std::vector<LabelItem> items{bar(0, 100, 150, 120), marker(0, 400, 60)};
  auto out = layout_labels(items, view());
  CHECK(out[0].where == LabelWhere::Right);
  CHECK(out[0].x0 > 150);
  CHECK(out[0].x1 - out[0].x0 == Approx(120));
  // Markers never hold their label.
  CHECK(out[1].where == LabelWhere::Right);
  CHECK(out[1].x0 > 408);
}

TEST_CASE("a label that would reach the next item moves to a free sub-row", "[ui][labels]") {
  std::vector<LabelItem> items{marker(0, 100, 150), marker(0, 200, 60)};
  auto out = layout_labels(items, view(2));
  CHECK(out[0].where == LabelWhere::OtherRow);
  CHECK(out[0].row == 1);
  CHECK(out[0].x1 - out[0].x0 == Approx(150));
  CHECK(out[1].where == LabelWhere::Right);
  CHECK(out[1].row == 0);
}

TEST_CASE("a label that would overlap the next label moves to a free sub-row", "[ui][labels]") {
  // The second item's label claims nothing before the first's; the first one's label
  // would run over the second's item.
  std::vector<LabelItem> items{marker(0, 100, 100), marker(1, 50, 300), marker(0, 180, 50)};
  auto out = layout_labels(items, view(2));
  // Item 1 (row 1, leftmost) goes right in its own row; item 0's label cannot reach
  // past item 2 in row 0, and row 1 is taken by item 1's label there.
  CHECK(out[1].where == LabelWhere::Right);
  CHECK(out[0].where == LabelWhere::Shortened);
  CHECK(out[0].x1 <= 172 - 5 + 0.01f);
}

TEST_CASE("with no free sub-row a label is shortened, never cut silently", "[ui][labels]") {
  std::vector<LabelItem> items{marker(0, 100, 150), marker(0, 200, 60)};
  auto out = layout_labels(items, view(1));
  CHECK(out[0].where == LabelWhere::Shortened);
  CHECK(out[0].x0 > 108);
  CHECK(out[0].x1 < 192);
  CHECK(out[0].x1 - out[0].x0 >= view().min_width);
  CHECK(out[1].where == LabelWhere::Right);
}

TEST_CASE("a shortened label stays in the lane's own rows, not in a label row", "[ui][labels]") {
  // A bar at the right edge: its label fits nowhere whole. A label row below
  // (rows 2, of which 1 is the lane's own) would give a little more room, but a
  // lane grows label rows only for whole labels: the label is shortened in its bar.
  LabelLayoutParams p = view(2);
  p.shorten_rows = 1;
  const LabelItem items[] = {bar(0, 920, 1000, 200)};
  auto at = layout_labels(items, p);
  CHECK(at[0].where == LabelWhere::Shortened);
  CHECK(at[0].row == 0);
  CHECK(at[0].x0 >= 920);
}

TEST_CASE("a label with no room for a few letters is left to the tooltip", "[ui][labels]") {
  std::vector<LabelItem> items{marker(0, 100, 150), marker(0, 125, 60)};
  auto out = layout_labels(items, view(1));
  CHECK(out[0].where == LabelWhere::None);
}

TEST_CASE("a label stops at the right edge of the view", "[ui][labels]") {
  std::vector<LabelItem> items{marker(0, 950, 150)};
  auto out = layout_labels(items, view(1));
  CHECK(out[0].where == LabelWhere::Shortened);
  CHECK(out[0].x1 <= 1000);
}

TEST_CASE("an item without a label is an obstacle only", "[ui][labels]") {
  std::vector<LabelItem> items{marker(0, 100, 150), LabelItem{0, 200, 240, 0, false}};
  auto out = layout_labels(items, view(1));
  CHECK(out[1].where == LabelWhere::None);
  CHECK(out[0].where == LabelWhere::Shortened);
  CHECK(out[0].x1 <= 195);
}

TEST_CASE("random lanes never get overlapping labels or labels over items", "[ui][labels]") {
  std::mt19937 rng(20261124);
  std::uniform_real_distribution<float> pos(-200, 1200), len(0, 300), text(0, 260);
  std::uniform_int_distribution<int> kind(0, 3);
  int seen[5] = {};  // how often each LabelWhere came out: every branch is exercised
  for (int round = 0; round < 300; ++round) {
    LabelLayoutParams p = view(1 + round % 4);
    std::vector<LabelItem> items;
    int n = 1 + round % 40;
    for (int k = 0; k < n; ++k) {
      int row = k % p.rows;
      float x = pos(rng);
      if (kind(rng) == 0)
        items.push_back(marker(row, x, text(rng)));
      else
        items.push_back(LabelItem{row, x, x + len(rng), kind(rng) == 1 ? 0.0f : text(rng), true});
    }
    auto out = layout_labels(items, p);
    REQUIRE(out.size() == items.size());
    for (size_t i = 0; i < out.size(); ++i) {
      const LabelPlacement& a = out[i];
      INFO("round " << round << " item " << i);
      ++seen[int(a.where)];
      if (a.where == LabelWhere::None) continue;
      CHECK(a.x0 >= p.view_x0);
      CHECK(a.x1 <= p.view_x1);
      CHECK(a.x1 - a.x0 <= items[i].width + 0.01f);
      if (a.where != LabelWhere::Shortened)
        CHECK(a.x1 - a.x0 == Approx(items[i].width).margin(0.01));
      if (a.where == LabelWhere::Shortened) CHECK(a.x1 - a.x0 >= p.min_width);
      if (a.where == LabelWhere::Inside) {
        CHECK(a.x0 >= items[i].x0);
        CHECK(a.x1 <= items[i].x1);
      }
      const bool in_own_bar = a.x0 >= items[i].x0 && a.x1 <= items[i].x1 && a.row == items[i].row;
      for (size_t j = 0; j < out.size(); ++j) {
        if (j == i) continue;
        const LabelPlacement& b = out[j];
        if (b.where != LabelWhere::None && b.row == a.row) {
          INFO("label of item " << j);
          CHECK_FALSE((a.x0 < b.x1 && b.x0 < a.x1));
        }
        // A label outside its own bar never covers another item.
        if (!in_own_bar && items[j].row == a.row) {
          INFO("item " << j);
          CHECK_FALSE((a.x0 < items[j].x1 && items[j].x0 < a.x1));
        }
      }
    }
  }
  for (int where = 0; where < 5; ++where) {
    INFO("placement kind " << where);
    CHECK(seen[where] > 0);
  }
}

TEST_CASE("shortening keeps whole characters and ends with an ellipsis", "[ui][labels]") {
  CHECK(shorten_to_width("Approve", 100, fake_width) == "Approve");
  std::string s = shorten_to_width("Approve the booking", 40, fake_width);
  CHECK(s == "Approve t\xE2\x80\xA6");  // 9 letters + ellipsis = 40 px
  CHECK(fake_width(s) <= 40);
  // Blanks before the ellipsis are dropped; a multi-byte character is never split.
  CHECK(shorten_to_width("ab cdef", 20, fake_width) == "ab\xE2\x80\xA6");
  std::string u =
      shorten_to_width("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 21, fake_width);
  CHECK(u.size() % 2 == 1);  // whole two-byte characters plus the three-byte ellipsis
  CHECK(shorten_to_width("Approve", 5, fake_width).empty());
}
