// A picture of the next weeks for documents the client receives (the PDF
// status report and weekly update, the HTML report): a neutral vector scene in
// points, built from the timeline index of the client's copy (redacted():
// nothing internal, no hidden milestone), drawn by cairo in the PDFs and
// written as inline SVG in HTML. One lane per row: milestones (with the agreed
// date as a hollow ghost joined to the current one and the shift labelled),
// change requests, client tasks (an overdue one with a red tail to today), one
// per meeting series (held, planned, cancelled, conflicts outlined); blackouts
// as shaded bands, the today line, month and week labels, and a legend.
#pragma once

#include <string>
#include <vector>

#include "rapport/model.hpp"

namespace rapport {

// What a shape means, so a renderer picks the colour (the report's palette).
enum class PictureInk : uint8_t {
  Text,    // body text
  Soft,    // labels, axis
  Grid,    // grid lines, borders
  Band,    // blackout band
  Accent,  // planned items
  Good,    // done, approved, held
  Warn,    // needs attention soon: drifted, waiting for a decision
  Late,    // late, overdue, conflict, today
  Muted,   // cancelled, rejected
  Paper,   // the background (white)
};

struct PictureShape {
  enum class Kind : uint8_t { Rect, Line, Diamond, Circle, Text };
  Kind kind = Kind::Rect;
  double x = 0, y = 0, w = 0,
         h = 0;  // Rect: box; Line: (x, y) to (x+w, y+h);
                 // Diamond, Circle: centre and radius (w); Text: baseline start
  PictureInk fill = PictureInk::Accent;
  bool filled = true;  // false: outline only (in `stroke`)
  PictureInk stroke = PictureInk::Grid;
  double line_width = 0;  // 0: no outline
  bool dashed = false;
  std::string text;  // Text
  double size = 7;   // Text: font size in points
  bool bold = false;
  enum class Anchor : uint8_t { Start, Middle, End } anchor = Anchor::Start;
};

struct TimelinePicture {
  double width = 0, height = 0;      // points
  std::vector<PictureShape> shapes;  // in paint order
  Date from, to;                     // the days shown, [from, to)
};

// The next `weeks` weeks from today (starting a week before it), `width`
// points wide. Text widths are estimated (no font here): labels that would
// collide go to a second row of their lane, or are left out (the report's
// tables list every item).
TimelinePicture timeline_picture(const Engagement& e, Date today, int weeks = 8,
                                 double width = 510);

// The picture as an <svg> element inline in HTML (HTML puts it in the SVG
// namespace: no xmlns, so the page names no address), escaped text, no script.
std::string timeline_svg(const TimelinePicture& p);

}  // namespace rapport
