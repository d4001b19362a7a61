// Pagination of measured blocks: which block goes on which page, and where. A
// pure function of heights, so the PDF's page breaks are tested without a font.
// The rules are the ones a reader notices when they are broken:
//   - a heading (or a table's header row) is never the last thing on a page:
//     it moves to the next page together with what it introduces;
//   - a table row that starts a page gets its table's header row drawn again
//     above it;
//   - the space above a block is dropped at the top of a page.
// A chain of kept-together blocks taller than a page is placed block by block
// (there is nothing better to do with it); a single block taller than a page
// overflows it.
#pragma once

#include <cstddef>
#include <vector>

namespace rapport::pdf {

struct FlowBlock {
  double height = 0;            // points
  double gap_before = 0;        // space above it, dropped at the top of a page
  bool keep_with_next = false;  // a heading: never last on a page
  int repeat = -1;              // a block drawn again above this one when it starts a page
};

struct PlacedBlock {
  size_t block = 0;
  double y = 0;           // from the top of the page's content area
  bool repeated = false;  // a table's header row drawn again
  bool operator==(const PlacedBlock&) const = default;
};

using FlowPage = std::vector<PlacedBlock>;

// Every block placed once, in order (plus repeated header rows); at least one page.
std::vector<FlowPage> paginate(const std::vector<FlowBlock>& blocks, double page_height);

}  // namespace rapport::pdf
