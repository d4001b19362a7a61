// The status report as a PDF (export_pdf.hpp): the client report document laid
// out into measured blocks with pango, paginated by page_flow.hpp, drawn with
// cairo. Every text goes through pango_layout_set_text, never markup, so what
// a user typed stays text. The look follows the HTML report's CSS
// (export_report.cpp): the same palette, pills and rules.
//
// [SECTION] index
//   Look       - page geometry, palette, fonts
//   Typesetter - pango layouts on the PDF surface's metrics
//   Blocks     - the report as measured blocks: header, sections, tables, lists
//   Drawing    - blocks, running header and footer, bookmarks
//   Export     - export_report_pdf, report_pdf_pages
#include "rapport/export_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <span>
#include <string_view>

#include "rapport/client_report.hpp"
#include "rapport/page_flow.hpp"
#include "rapport/recap.hpp"
#include "rapport/text.hpp"
#include "rapport/timeline_picture.hpp"
#include "rapport/weekly_update.hpp"

namespace rapport {

PageSize page_size(PaperSize paper) {
  if (paper == PaperSize::Letter) return {612.0, 792.0};
  return {595.2756, 841.8898};  // 210 x 297 mm
}

namespace {

using pdf::FlowBlock;
using pdf::FlowPage;

// [SECTION] Look --------------------------------------------------------------

constexpr double kMm = 72.0 / 25.4;

// The margins of the HTML report's @page rule.
struct Geometry {
  PageSize page;
  double left = 15 * kMm, right = 15 * kMm, top = 16 * kMm, bottom = 18 * kMm;
  double width() const { return page.width - left - right; }
  double height() const { return page.height - top - bottom; }
};

struct Rgb {
  double r = 0, g = 0, b = 0;
};
constexpr Rgb hex(uint32_t v) {
  return {double((v >> 16) & 255) / 255, double((v >> 8) & 255) / 255, double(v & 255) / 255};
}
// The HTML report's palette.
constexpr Rgb kInk = hex(0x1d2433), kSoft = hex(0x5b6475), kLine = hex(0xd9dee7),
              kBand = hex(0xf3f5f9), kAccent = hex(0x2b5fad), kGood = hex(0x1f7a4d),
              kGoodBg = hex(0xe3f4ea), kWarn = hex(0x8a5a00), kWarnBg = hex(0xfdf1d8),
              kWarnBar = hex(0xd69a1a), kLate = hex(0xa4262c), kLateBg = hex(0xfbe4e5),
              kZebra = hex(0xfafbfd), kWhite = hex(0xffffff);

bool is_pill(Tone t) { return t == Tone::Good || t == Tone::Warn || t == Tone::Late; }
Rgb tone_ink(Tone t) {
  switch (t) {
    case Tone::Good:
      return kGood;
    case Tone::Warn:
      return kWarn;
    case Tone::Late:
      return kLate;
    case Tone::Muted:
      return kSoft;
    case Tone::Plain:
      break;
  }
  return kInk;
}
Rgb tone_background(Tone t) {
  return t == Tone::Good ? kGoodBg : t == Tone::Warn ? kWarnBg : t == Tone::Late ? kLateBg : kWhite;
}

// The UI font; fontconfig falls back to DejaVu Sans where Inter is missing.
constexpr const char* kFamily = "Inter,DejaVu Sans";

struct Font {
  double size = 9.5;
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  bool italic = false;
};
constexpr PangoWeight kSemibold = PANGO_WEIGHT_SEMIBOLD;
constexpr Font kBody{9.5}, kSmall{8.5}, kTitle{22, kSemibold}, kKicker{10, kSemibold}, kParties{11},
    kHeading{14, kSemibold}, kListHeading{9.5, kSemibold}, kFactValue{13, kSemibold}, kCell{9},
    kHeadCell{8.5, kSemibold}, kPill{8.5, kSemibold}, kQuote{10, PANGO_WEIGHT_NORMAL, true},
    kEmpty{9.5, PANGO_WEIGHT_NORMAL, true}, kFooter{8};

constexpr double kCellPadX = 5, kCellPadY = 4.5, kPillPadX = 5, kPillPadY = 1.5;
// Cells this short (dates, amounts, "+1 week") are never wrapped.
constexpr size_t kShortCell = 24;

// [SECTION] Typesetter --------------------------------------------------------

struct LayoutUnref {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutUnref>;

// Pango wants well-formed UTF-8 without NUL; a loaded file is validated, but an
// export must not depend on that.
std::string valid_text(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string no_nul;
  for (char c : text)
    if (c != '\0') no_nul += c;
  gchar* fixed = g_utf8_make_valid(no_nul.data(), gssize(no_nul.size()));
  std::string out(fixed);
  g_free(fixed);
  return out;
}

class Typesetter {
 public:
  explicit Typesetter(cairo_t* cr) : context_(pango_cairo_create_context(cr)) {
    // Points are the unit of the page: 72 "dpi", and no hinting, so that what
    // is measured is what is drawn at any zoom.
    pango_cairo_context_set_resolution(context_, 72);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
  }
  ~Typesetter() { g_object_unref(context_); }
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  // `width` > 0 wraps at words (and inside a word longer than the width).
  Layout layout(std::string_view text, const Font& f, double width = 0) const {
    Layout l(pango_layout_new(context_));
    PangoFontDescription* d = pango_font_description_new();
    pango_font_description_set_family_static(d, kFamily);
    pango_font_description_set_size(d, int(f.size * PANGO_SCALE));
    pango_font_description_set_weight(d, f.weight);
    if (f.italic) pango_font_description_set_style(d, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(l.get(), d);
    pango_font_description_free(d);
    std::string safe = valid_text(text);
    pango_layout_set_text(l.get(), safe.data(), int(safe.size()));
    if (width > 0) {
      pango_layout_set_width(l.get(), int(width * PANGO_SCALE));
      pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    }
    return l;
  }
  double natural_width(std::string_view text, const Font& f) const {
    return text.empty() ? 0 : width(layout(text, f).get());
  }
  // The widest word: a layout one unit wide breaks at every word and lets a
  // word that cannot break stick out.
  double longest_word(std::string_view text, const Font& f) const {
    if (text.empty()) return 0;
    Layout l = layout(text, f);
    pango_layout_set_width(l.get(), 1);
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD);
    return width(l.get());
  }
  static double width(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return double(w) / PANGO_SCALE;
  }
  static double height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return double(h) / PANGO_SCALE;
  }

 private:
  PangoContext* context_;
};

// [SECTION] Blocks ------------------------------------------------------------

struct Text {
  Layout layout;
  double x = 0, y = 0;
  Rgb color;
};
struct Box {
  double x = 0, y = 0, w = 0, h = 0, radius = 0;
  std::optional<Rgb> fill, stroke, top_bar;  // top_bar: a 3 pt band in the box's top edge
};
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0, width = 0.75;
  Rgb color = kLine;
};

// One unbreakable piece of the page, drawn from its top-left corner.
struct Block {
  PdfBlock kind = PdfBlock::Paragraph;
  FlowBlock flow;
  std::vector<Box> boxes;
  std::vector<Rule> rules;
  std::vector<Text> texts;
  std::string bookmark;                      // a section's title: an entry in the PDF's outline
  const TimelinePicture* picture = nullptr;  // drawn at (0, 0), scaled by picture_scale
  double picture_scale = 1;
};

class ReportLayout {
 public:
  ReportLayout(const Typesetter& ts, double width) : ts_(ts), width_(width) {}

  std::vector<Block> blocks;

  void header(const ClientReport& r) {
    Block b = start(PdfBlock::Title, 0);
    double y = text(b, r.subtitle, kKicker, kAccent, 0, 0, width_);
    y = text(b, r.title, kTitle, kInk, 0, y + 2, width_);
    if (!r.parties.empty()) y = text(b, r.parties, kParties, kSoft, 0, y + 2, width_);
    y += 10;
    b.rules.push_back({0, y + 1.25, width_, y + 1.25, 2.5, kAccent});
    finish(std::move(b), y + 2.5, true);
  }

  void section(const ReportSection& s) {
    const bool has_rows = !s.head.empty() && !s.rows.empty();
    const bool more_follows = has_rows || !s.lists.empty();
    Block h = start(PdfBlock::Heading, 20);
    h.bookmark = s.title;
    double y = text(h, s.title, kHeading, kInk, 0, 0, width_);
    h.rules.push_back({0, y + 4, width_, y + 4});
    finish(std::move(h), y + 4.75, true);
    gap_ = 8;

    if (!s.quote.empty()) quote(s.quote, !s.facts.empty() || more_follows);
    if (s.picture) picture(*s.picture);
    for (size_t i = 0; i < s.facts.size(); i += 4)
      facts(std::span(s.facts).subspan(i, std::min<size_t>(4, s.facts.size() - i)));
    for (const std::string& p : s.paragraphs) paragraph(PdfBlock::Paragraph, p, more_follows);
    if (!s.head.empty()) {
      if (s.rows.empty())
        paragraph(PdfBlock::Empty, s.empty, false);
      else
        table(s.head, s.rows);
    }
    if (!s.lists.empty()) {
      for (const auto& [heading, items] : s.lists) list(heading, items);
    } else if (s.head.empty() && s.facts.empty() && s.quote.empty() && s.paragraphs.empty() &&
               !s.picture) {
      paragraph(PdfBlock::Empty, s.empty, false);
    }
  }

  void closing(const std::string& line) {
    gap_ = 22;
    Block b = start(PdfBlock::Closing, 22);
    b.rules.push_back({0, 0, width_, 0});
    double y = text(b, line, kFooter, kSoft, 0, 6, width_);
    finish(std::move(b), y, false);
  }

 private:
  const Typesetter& ts_;
  double width_;
  double gap_ = 0;  // the space above the next block, unless it asks for its own

  Block start(PdfBlock kind, double gap) {
    Block b;
    b.kind = kind;
    b.flow.gap_before = gap ? gap : gap_;
    return b;
  }
  void finish(Block b, double height, bool keep_with_next, int repeat = -1) {
    b.flow.height = height;
    b.flow.keep_with_next = keep_with_next;
    b.flow.repeat = repeat;
    blocks.push_back(std::move(b));
    gap_ = 6;
  }
  // Adds a wrapped text at (x, y); returns the y below it.
  double text(Block& b, std::string_view s, const Font& f, Rgb color, double x, double y,
              double width) {
    Layout l = ts_.layout(s, f, width);
    double h = Typesetter::height(l.get());
    b.texts.push_back({std::move(l), x, y, color});
    return y + h;
  }

  void quote(const std::string& q, bool keep) {
    Block b = start(PdfBlock::Quote, 0);
    constexpr double pad = 8, bar = 3;
    double y = text(b, q, kQuote, kInk, bar + pad + 2, pad, width_ - 2 * pad - bar - 2);
    b.boxes.push_back({0, 0, width_, y + pad, 0, kBand, {}, {}});
    b.boxes.push_back({0, 0, bar, y + pad, 0, kAccent, {}, {}});
    // The background goes under the text: boxes are drawn first.
    finish(std::move(b), y + pad, keep);
    gap_ = 10;
  }

  void facts(std::span<const ReportFact> row) {
    Block b = start(PdfBlock::Facts, 0);
    constexpr double gap = 8, pad = 8, bar = 3;
    const double card = (width_ - 3 * gap) / 4;
    const double inner = card - 2 * pad;
    double tallest = 0;
    for (size_t i = 0; i < row.size(); ++i) {
      const ReportFact& f = row[i];
      double x = double(i) * (card + gap) + pad;
      double y = text(b, f.label, kSmall, kSoft, x, bar + pad, inner);
      y = text(b, f.value, kFactValue, kInk, x, y + 2, inner);
      if (!f.detail.empty()) y = text(b, f.detail, kSmall, kInk, x, y + 2, inner);
      tallest = std::max(tallest, y + pad);
    }
    for (size_t i = 0; i < row.size(); ++i) {
      Tone t = row[i].tone;
      std::optional<Rgb> top;
      if (t == Tone::Good) top = kGood;
      if (t == Tone::Warn) top = kWarnBar;
      if (t == Tone::Late) top = kLate;
      b.boxes.push_back({double(i) * (card + gap), 0, card, tallest, 4, kWhite, kLine, top});
    }
    finish(std::move(b), tallest, false);
    gap_ = 8;
  }

  void picture(const TimelinePicture& p) {
    Block b = start(PdfBlock::Picture, 0);
    b.picture = &p;
    b.picture_scale = p.width > 0 ? width_ / p.width : 1;
    finish(std::move(b), p.height * b.picture_scale, false);
  }

  void paragraph(PdfBlock kind, const std::string& p, bool keep) {
    Block b = start(kind, 0);
    double y = kind == PdfBlock::Empty ? text(b, p, kEmpty, kSoft, 0, 0, width_)
                                       : text(b, p, kBody, kInk, 0, 0, width_);
    finish(std::move(b), y, keep);
  }

  void list(const std::string& heading, const std::vector<std::string>& items) {
    Block h = start(PdfBlock::ListHeading, 12);
    double y = text(h, heading, kListHeading, kSoft, 0, 0, width_);
    finish(std::move(h), y, true);
    gap_ = 4;
    for (const std::string& item : items) {
      Block b = start(PdfBlock::ListItem, 0);
      text(b, "•", kBody, kSoft, 3, 0, 0);
      double bottom = text(b, item, kBody, kInk, 14, 0, width_ - 14);
      finish(std::move(b), bottom, false);
      gap_ = 3;
    }
  }

  // Column widths as a browser's automatic table layout gives them: each
  // column at least its widest unbreakable piece (a date, a pill, a long
  // word), the rest of the width shared by how much text each column holds.
  std::vector<double> column_widths(const std::vector<std::string>& head,
                                    const std::vector<std::vector<ReportCell>>& rows) const {
    const size_t n = head.size();
    std::vector<double> natural(n, 0), least(n, 0);
    for (size_t c = 0; c < n; ++c) {
      natural[c] = ts_.natural_width(head[c], kHeadCell);
      least[c] = ts_.longest_word(head[c], kHeadCell);
    }
    for (const auto& row : rows)
      for (size_t c = 0; c < n && c < row.size(); ++c) {
        const ReportCell& cell = row[c];
        const bool pill = is_pill(cell.tone);
        const Font& f = pill ? kPill : kCell;
        double text = ts_.natural_width(cell.text, f) + (pill ? 2 * kPillPadX : 0);
        double note = ts_.natural_width(cell.note, kSmall);
        natural[c] = std::max({natural[c], text, note});
        double whole =
            pill || cell.text.size() <= kShortCell ? text : ts_.longest_word(cell.text, f);
        least[c] = std::max({least[c], whole, ts_.longest_word(cell.note, kSmall)});
      }
    double sum_natural = 0, sum_least = 0;
    for (size_t c = 0; c < n; ++c) {
      natural[c] = std::min(natural[c] + 2 * kCellPadX, width_);
      least[c] = std::min(least[c] + 2 * kCellPadX, natural[c]);
      sum_natural += natural[c];
      sum_least += least[c];
    }
    std::vector<double> w(n);
    for (size_t c = 0; c < n; ++c) {
      if (sum_natural <= width_)
        w[c] = natural[c] * width_ / sum_natural;
      else if (sum_least >= width_)
        w[c] = least[c] * width_ / sum_least;
      else
        w[c] =
            least[c] + (width_ - sum_least) * (natural[c] - least[c]) / (sum_natural - sum_least);
    }
    return w;
  }

  // One cell's content at (x, y) within `w`; returns its bottom.
  double cell(Block& b, const ReportCell& c, double x, double y, double w) {
    double bottom = y;
    if (is_pill(c.tone)) {
      Layout probe = ts_.layout(c.text, kPill);
      double inner = w - 2 * kPillPadX;
      Layout l = Typesetter::width(probe.get()) > inner ? ts_.layout(c.text, kPill, inner)
                                                        : std::move(probe);
      double tw = Typesetter::width(l.get()), th = Typesetter::height(l.get());
      double h = th + 2 * kPillPadY;
      b.boxes.push_back(
          {x, y, tw + 2 * kPillPadX, h, std::min(h / 2, 7.0), tone_background(c.tone), {}, {}});
      b.texts.push_back({std::move(l), x + kPillPadX, y + kPillPadY, tone_ink(c.tone)});
      bottom = y + h;
    } else if (!c.text.empty()) {
      bottom = text(b, c.text, kCell, tone_ink(c.tone), x, y, w);
    }
    if (!c.note.empty()) bottom = text(b, c.note, kSmall, kSoft, x, bottom + 2, w);
    return bottom;
  }

  void table(const std::vector<std::string>& head,
             const std::vector<std::vector<ReportCell>>& rows) {
    std::vector<double> widths = column_widths(head, rows);
    Block h = start(PdfBlock::TableHead, 0);
    double x = 0, bottom = 0;
    for (size_t c = 0; c < head.size(); ++c) {
      bottom = std::max(bottom, text(h, head[c], kHeadCell, kSoft, x + kCellPadX, kCellPadY,
                                     widths[c] - 2 * kCellPadX));
      x += widths[c];
    }
    bottom += kCellPadY;
    h.rules.push_back({0, bottom + 0.75, width_, bottom + 0.75, 1.5});
    const int head_index = int(blocks.size());
    finish(std::move(h), bottom + 1.5, true);
    for (size_t r = 0; r < rows.size(); ++r) {
      Block b = start(PdfBlock::TableRow, 0);
      b.flow.gap_before = 0;
      x = 0;
      bottom = 0;
      for (size_t c = 0; c < head.size() && c < rows[r].size(); ++c) {
        bottom = std::max(bottom,
                          cell(b, rows[r][c], x + kCellPadX, kCellPadY, widths[c] - 2 * kCellPadX));
        x += widths[c];
      }
      bottom += kCellPadY;
      if (r % 2 == 1) b.boxes.insert(b.boxes.begin(), Box{0, 0, width_, bottom, 0, kZebra, {}, {}});
      b.rules.push_back({0, bottom - 0.25, width_, bottom - 0.25, 0.5});
      finish(std::move(b), bottom, false, head_index);
    }
  }
};

// [SECTION] Drawing -----------------------------------------------------------

void set_color(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void rounded_rect(cairo_t* cr, const Box& b) {
  double r = std::min({b.radius, b.w / 2, b.h / 2});
  if (r <= 0) {
    cairo_rectangle(cr, b.x, b.y, b.w, b.h);
    return;
  }
  constexpr double kQuarter = 1.5707963267948966;
  cairo_new_sub_path(cr);
  cairo_arc(cr, b.x + b.w - r, b.y + r, r, -kQuarter, 0);
  cairo_arc(cr, b.x + b.w - r, b.y + b.h - r, r, 0, kQuarter);
  cairo_arc(cr, b.x + r, b.y + b.h - r, r, kQuarter, 2 * kQuarter);
  cairo_arc(cr, b.x + r, b.y + r, r, 2 * kQuarter, 3 * kQuarter);
  cairo_close_path(cr);
}

void draw_text(cairo_t* cr, const Text& t, double ox, double oy) {
  set_color(cr, t.color);
  cairo_move_to(cr, ox + t.x, oy + t.y);
  pango_cairo_show_layout(cr, t.layout.get());
}

Rgb picture_color(PictureInk ink) {
  switch (ink) {
    case PictureInk::Text:
      return kInk;
    case PictureInk::Soft:
      return kSoft;
    case PictureInk::Grid:
      return kLine;
    case PictureInk::Band:
      return hex(0xeceff5);
    case PictureInk::Accent:
      return kAccent;
    case PictureInk::Good:
      return kGood;
    case PictureInk::Warn:
      return kWarnBar;
    case PictureInk::Late:
      return kLate;
    case PictureInk::Muted:
      return hex(0x9aa3b2);
    case PictureInk::Paper:
      return kWhite;
  }
  return kInk;
}

// The timeline picture's shapes, in points scaled to the block's width.
void draw_picture(cairo_t* cr, const Typesetter& ts, const TimelinePicture& p, double scale,
                  double ox, double oy) {
  cairo_save(cr);
  cairo_translate(cr, ox, oy);
  cairo_scale(cr, scale, scale);
  for (const PictureShape& s : p.shapes) {
    cairo_new_path(cr);
    switch (s.kind) {
      case PictureShape::Kind::Rect:
        cairo_rectangle(cr, s.x, s.y, s.w, s.h);
        break;
      case PictureShape::Kind::Line:
        cairo_move_to(cr, s.x, s.y);
        cairo_line_to(cr, s.x + s.w, s.y + s.h);
        break;
      case PictureShape::Kind::Diamond:
        cairo_move_to(cr, s.x, s.y - s.w);
        cairo_line_to(cr, s.x + s.w, s.y);
        cairo_line_to(cr, s.x, s.y + s.w);
        cairo_line_to(cr, s.x - s.w, s.y);
        cairo_close_path(cr);
        break;
      case PictureShape::Kind::Circle:
        cairo_arc(cr, s.x, s.y, s.w, 0, 6.283185307179586);
        break;
      case PictureShape::Kind::Text: {
        Layout l = ts.layout(s.text, Font{s.size, s.bold ? kSemibold : PANGO_WEIGHT_NORMAL});
        double w = Typesetter::width(l.get());
        double x = s.anchor == PictureShape::Anchor::Middle ? s.x - w / 2
                   : s.anchor == PictureShape::Anchor::End  ? s.x - w
                                                            : s.x;
        // The shape's y is the baseline.
        double baseline = double(pango_layout_get_baseline(l.get())) / PANGO_SCALE;
        set_color(cr, picture_color(s.fill));
        cairo_move_to(cr, x, s.y - baseline);
        pango_cairo_show_layout(cr, l.get());
        continue;
      }
    }
    if (s.filled && s.kind != PictureShape::Kind::Line) {
      set_color(cr, picture_color(s.fill));
      if (s.line_width > 0)
        cairo_fill_preserve(cr);
      else
        cairo_fill(cr);
    }
    if (s.line_width > 0) {
      set_color(cr, picture_color(s.stroke));
      cairo_set_line_width(cr, s.line_width);
      if (s.dashed) {
        const double dash[] = {2, 1.5};
        cairo_set_dash(cr, dash, 2, 0);
      }
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
    }
  }
  cairo_restore(cr);
}

void draw_block(cairo_t* cr, const Block& b, double ox, double oy) {
  for (const Box& box : b.boxes) {
    Box at = box;
    at.x += ox;
    at.y += oy;
    if (box.fill) {
      rounded_rect(cr, at);
      set_color(cr, *box.fill);
      cairo_fill(cr);
    }
    if (box.top_bar) {
      cairo_save(cr);
      rounded_rect(cr, at);
      cairo_clip(cr);
      cairo_rectangle(cr, at.x, at.y, at.w, 3);
      set_color(cr, *box.top_bar);
      cairo_fill(cr);
      cairo_restore(cr);
    }
    if (box.stroke) {
      rounded_rect(cr, at);
      set_color(cr, *box.stroke);
      cairo_set_line_width(cr, 0.75);
      cairo_stroke(cr);
    }
  }
  for (const Rule& r : b.rules) {
    cairo_move_to(cr, ox + r.x0, oy + r.y0);
    cairo_line_to(cr, ox + r.x1, oy + r.y1);
    set_color(cr, r.color);
    cairo_set_line_width(cr, r.width);
    cairo_stroke(cr);
  }
  for (const Text& t : b.texts) draw_text(cr, t, ox, oy);
}

// The report laid out: its blocks and their pages. The typesetter outlives
// the blocks (their layouts belong to its context).
struct LaidOut {
  Geometry geometry;
  ClientReport report;
  std::vector<Block> blocks;
  std::vector<FlowPage> pages;
};

void lay_out(LaidOut& out, const Typesetter& ts, ClientReport report, PaperSize paper) {
  out.geometry.page = page_size(paper);
  out.report = std::move(report);
  ReportLayout layout(ts, out.geometry.width());
  layout.header(out.report);
  for (const ReportSection& s : out.report.sections) layout.section(s);
  layout.closing(out.report.footer);
  out.blocks = std::move(layout.blocks);
  std::vector<FlowBlock> flow;
  flow.reserve(out.blocks.size());
  for (const Block& b : out.blocks) flow.push_back(b.flow);
  out.pages = pdf::paginate(flow, out.geometry.height());
}

// Pages after the first carry the engagement's name above; every page the
// report's date and "Page N of M" below.
void draw_page_frame(cairo_t* cr, const Typesetter& ts, const LaidOut& d, size_t page) {
  const Geometry& g = d.geometry;
  const double right = g.page.width - g.right;
  if (page > 0) {
    Layout title = ts.layout(d.report.title, kFooter, g.width() * 0.6);
    pango_layout_set_ellipsize(title.get(), PANGO_ELLIPSIZE_END);
    double y = g.top - 7 * kMm;
    draw_text(cr, {std::move(title), 0, 0, kSoft}, g.left, y);
    if (!d.report.parties.empty()) {
      Layout parties = ts.layout(d.report.parties, kFooter);
      double w = std::min(Typesetter::width(parties.get()), g.width() * 0.38);
      pango_layout_set_width(parties.get(), int(w * PANGO_SCALE));
      pango_layout_set_ellipsize(parties.get(), PANGO_ELLIPSIZE_END);
      draw_text(cr, {std::move(parties), 0, 0, kSoft}, right - w, y);
    }
  }
  const double y = g.page.height - g.bottom + 7 * kMm;
  cairo_move_to(cr, g.left, y - 4);
  cairo_line_to(cr, right, y - 4);
  set_color(cr, kLine);
  cairo_set_line_width(cr, 0.5);
  cairo_stroke(cr);
  draw_text(cr, {ts.layout(d.report.subtitle, kFooter), 0, 0, kSoft}, g.left, y);
  Layout number = ts.layout(fmt::format("Page {} of {}", page + 1, d.pages.size()), kFooter);
  double w = Typesetter::width(number.get());
  draw_text(cr, {std::move(number), 0, 0, kSoft}, right - w, y);
}

// Called from cairo's C code: no exception may cross it.
cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  } catch (...) {
    return CAIRO_STATUS_NO_MEMORY;
  }
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t discard_bytes(void*, const unsigned char*, unsigned int) {
  return CAIRO_STATUS_SUCCESS;
}

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

}  // namespace

// [SECTION] Export ------------------------------------------------------------

std::string export_client_report_pdf(const ClientReport& report, Date as_of,
                                     const std::string& author, PaperSize paper) {
  std::string bytes;
  const PageSize size = page_size(paper);
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      cairo_pdf_surface_create_for_stream(append_bytes, &bytes, size.width, size.height));
  std::unique_ptr<cairo_t, ContextDestroy> cr(cairo_create(surface.get()));
  {
    Typesetter ts(cr.get());
    LaidOut d;
    lay_out(d, ts, report, paper);

    // The file's own date is the report's date: the same input, the same bytes.
    cairo_surface_t* s = surface.get();
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE,
                                   valid_text(d.report.title + " — " + d.report.subtitle).c_str());
    if (!author.empty())
      cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, valid_text(author).c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Rapport " RAPPORT_VERSION);
    const std::string date = as_of.iso() + "T00:00:00";
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());

    const Geometry& g = d.geometry;
    for (size_t p = 0; p < d.pages.size(); ++p) {
      draw_page_frame(cr.get(), ts, d, p);
      for (const pdf::PlacedBlock& placed : d.pages[p]) {
        const Block& b = d.blocks[placed.block];
        draw_block(cr.get(), b, g.left, g.top + placed.y);
        if (b.picture)
          draw_picture(cr.get(), ts, *b.picture, b.picture_scale, g.left, g.top + placed.y);
        if (!placed.repeated && !b.bookmark.empty())
          cairo_pdf_surface_add_outline(
              s, CAIRO_PDF_OUTLINE_ROOT, valid_text(b.bookmark).c_str(),
              fmt::format("page={} pos=[{:.1f} {:.1f}]", p + 1, g.left, g.top + placed.y).c_str(),
              cairo_pdf_outline_flags_t(0));
      }
      cairo_show_page(cr.get());
    }
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return {};
  return bytes;
}

std::string export_report_pdf(const Engagement& e, Date as_of, const PdfOptions& options) {
  return export_client_report_pdf(
      build_client_report(e, as_of, ReportScope::StatusReport, options.since), as_of,
      e.info.provider_org, options.paper);
}

std::string export_update_pdf(const Engagement& e, Date as_of, const PdfOptions& options) {
  return export_client_report_pdf(build_weekly_update(e, as_of, options.since), as_of,
                                  e.info.provider_org, options.paper);
}

std::string export_recap_pdf(const MeetingRecap& r, PaperSize paper) {
  return export_client_report_pdf(recap_report(r), r.held_on, r.from, paper);
}

std::vector<std::vector<PdfBlock>> report_pdf_pages(const Engagement& e, Date as_of,
                                                    const PdfOptions& options) {
  const PageSize size = page_size(options.paper);
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      cairo_pdf_surface_create_for_stream(discard_bytes, nullptr, size.width, size.height));
  std::unique_ptr<cairo_t, ContextDestroy> cr(cairo_create(surface.get()));
  std::vector<std::vector<PdfBlock>> pages;
  {
    Typesetter ts(cr.get());
    LaidOut d;
    lay_out(d, ts, build_client_report(e, as_of, ReportScope::StatusReport, options.since),
            options.paper);
    for (const FlowPage& page : d.pages) {
      pages.emplace_back();
      for (const pdf::PlacedBlock& placed : page)
        pages.back().push_back(d.blocks[placed.block].kind);
    }
  }
  return pages;
}

}  // namespace rapport
