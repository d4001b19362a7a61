// Pagination of measured blocks (page_flow.hpp).
#include "rapport/page_flow.hpp"

namespace rapport::pdf {

std::vector<FlowPage> paginate(const std::vector<FlowBlock>& blocks, double page_height) {
  std::vector<FlowPage> pages(1);
  double y = 0;
  auto new_page = [&] {
    pages.emplace_back();
    y = 0;
  };
  // Places block k at y, after its table's header row when it opens a page.
  auto place = [&](size_t k) {
    const FlowBlock& b = blocks[k];
    if (y == 0 && b.repeat >= 0 && size_t(b.repeat) < blocks.size() && size_t(b.repeat) != k) {
      pages.back().push_back({size_t(b.repeat), 0, true});
      y = blocks[size_t(b.repeat)].height;
    }
    if (!pages.back().empty()) y += b.gap_before;
    pages.back().push_back({k, y, false});
    y += b.height;
  };
  // The height of block k on a page whose cursor is at `at`.
  auto height_at = [&](size_t k, double at) {
    const FlowBlock& b = blocks[k];
    double h = b.height;
    if (at > 0) h += b.gap_before;
    if (at == 0 && b.repeat >= 0 && size_t(b.repeat) < blocks.size() && size_t(b.repeat) != k)
      h += blocks[size_t(b.repeat)].height;
    return h;
  };

  for (size_t i = 0; i < blocks.size();) {
    // The chain: i and every block it is kept with.
    size_t j = i;
    while (j + 1 < blocks.size() && blocks[j].keep_with_next) ++j;
    auto chain_height = [&](double at) {
      double h = 0;
      for (size_t k = i; k <= j; ++k) h += height_at(k, at + h);
      return h;
    };
    if (y > 0 && y + chain_height(y) > page_height) new_page();
    if (chain_height(y) <= page_height - y) {
      for (size_t k = i; k <= j; ++k) place(k);
    } else {
      // Taller than a whole page: one block at a time.
      for (size_t k = i; k <= j; ++k) {
        if (y > 0 && y + height_at(k, y) > page_height) new_page();
        place(k);
      }
    }
    i = j + 1;
  }
  return pages;
}

}  // namespace rapport::pdf
