// [SECTION] index
//   Pages   - the page table, page keys
//   Text    - text that wraps or ends in "…", never cut; tone pills
//   Blocks  - a report section drawn as facts, tables and lists
//   Strip   - what the client needs now, above the timeline
//   Window  - the header, the page, the page tabs
#include "client/client_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "panels/pill.hpp"
#include "shell/app.hpp"
#include "shell/layout.hpp"
#include "timeline/label_layout.hpp"

namespace rapport::app {

// [SECTION] Pages -------------------------------------------------------------------

namespace {

struct PageInfo {
  ClientPage page;
  const char* title;  // the page's heading
  const char* tab;    // its name in the tabs along the bottom
  const char* sections[2];
};

constexpr PageInfo kPages[kClientPageCount] = {
    {ClientPage::Timeline, "Timeline", "Timeline", {nullptr, nullptr}},
    {ClientPage::Milestones, "Milestones: agreed and now", "Milestones", {"milestones", nullptr}},
    {ClientPage::Needs, "What we need from you", "Needed from you", {"needs", nullptr}},
    {ClientPage::Meetings, "Meetings and recaps", "Meetings", {"meetings", "recaps"}},
    {ClientPage::Decisions, "Decisions", "Decisions", {"decisions", nullptr}},
    {ClientPage::Changes, "Change requests and their decisions", "Changes", {"changes", nullptr}},
    {ClientPage::Boundaries, "Boundaries we agreed", "Boundaries", {"boundaries", nullptr}},
    {ClientPage::Expectations,
     "Expectations and where they stand",
     "Expectations",
     {"expectations", nullptr}},
};

const PageInfo& info(ClientPage p) { return kPages[int(p)]; }

bool key_pressed(ImGuiKey key) {
  int index = ImGui::GetKeyIndex(key);
  return index >= 0 && ImGui::IsKeyPressed(index);
}

}  // namespace

const char* client_page_title(ClientPage page) { return info(page).title; }

ClientView::ClientView() {
  timeline.set_read_only(true);
  view.presentation = true;
}

void ClientView::go_to(ClientPage p) {
  if (p == page) return;
  page = p;
  scroll_to_top = true;
}
void ClientView::next() { go_to(ClientPage(std::min(int(page) + 1, kClientPageCount - 1))); }
void ClientView::previous() { go_to(ClientPage(std::max(int(page) - 1, 0))); }

float client_view_ui_scale(float height, float presenter_zoom) {
  // 1.1 at 720 px high (17.6 px text), growing with the height; in steps of
  // 0.05 so that resizing the window does not rebuild the fonts every frame.
  float s = std::clamp(height / 720.0f * 1.1f, 1.0f, kMaxUiScale) * presenter_zoom;
  return clamp_ui_scale(std::round(s * 20.0f) / 20.0f);
}

void handle_client_view_keys(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl || io.KeyAlt) return;
  ClientView& c = app.panels.client;
  if (key_pressed(ImGuiKey_PageDown) || key_pressed(ImGuiKey_RightArrow) ||
      key_pressed(ImGuiKey_Space))
    c.next();
  if (key_pressed(ImGuiKey_PageUp) || key_pressed(ImGuiKey_LeftArrow) ||
      key_pressed(ImGuiKey_Backspace))
    c.previous();
  if (key_pressed(ImGuiKey_Home)) c.go_to(ClientPage::Timeline);
  if (key_pressed(ImGuiKey_End)) c.go_to(ClientPage(kClientPageCount - 1));
  for (ImWchar ch : io.InputQueueCharacters)
    if (ch >= '1' && ch < '1' + kClientPageCount) c.go_to(ClientPage(ch - '1'));
}

// [SECTION] Text --------------------------------------------------------------------

namespace {

float s() { return ImGui::GetFontSize() / kBaseFontPixels; }

// No keyboard navigation: the arrows, Space and Enter turn pages, and a focus
// box must never appear on the projector.
constexpr ImGuiWindowFlags kClientWindowFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
    ImGuiWindowFlags_NoNav;

// Text that wraps at the right edge of the region.
void wrapped(const std::string& text, ImU32 colour = 0) {
  if (text.empty()) return;
  if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  if (colour) ImGui::PopStyleColor();
}

// A list item: a bullet mark, and the text beside it wrapping under its own first
// word (a hanging indent), never back under the mark.
void bullet(const std::string& text, ImU32 colour = 0) {
  if (text.empty()) return;  // no mark without words: the next item would land beside it
  ImGui::Bullet();
  wrapped(text, colour);
}

// One line that ends in "…" when it is too wide for `width` (the timeline's
// label shortening, measured in the current font).
std::string fitted(const std::string& text, float width) {
  return shorten_to_width(text, width, [](std::string_view t) {
    return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x;
  });
}

void heading_text(App& app, const std::string& text, float width) {
  if (app.fonts.heading) ImGui::PushFont(app.fonts.heading);
  ImGui::TextUnformatted(fitted(text, width).c_str());
  if (app.fonts.heading) ImGui::PopFont();
}

// A small label in capitals' place: muted, its own line.
void label(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

// [SECTION] Blocks ------------------------------------------------------------------

void facts(App& app, const std::vector<ReportFact>& list) {
  if (list.empty()) return;
  int columns = std::min<int>(int(list.size()), 4);
  if (!ImGui::BeginTable("facts", columns, ImGuiTableFlags_SizingStretchSame)) return;
  for (const ReportFact& f : list) {
    ImGui::TableNextColumn();
    label(f.label.c_str());
    if (app.fonts.heading) ImGui::PushFont(app.fonts.heading);
    wrapped(f.value, f.tone == Tone::Plain ? 0 : tone_colour(f.tone));
    if (app.fonts.heading) ImGui::PopFont();
    wrapped(f.detail, palette().muted_text);
  }
  ImGui::EndTable();
}

void table(const ReportSection& sec) {
  const size_t n = sec.head.size();
  if (sec.rows.empty()) {
    wrapped(sec.empty, palette().muted_text);
    return;
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  const float cell_pad = ImGui::GetStyle().CellPadding.x * 2;
  // Short columns (dates, names, states) get their width and are never cut;
  // the others share what is left and wrap.
  std::vector<float> widest(n, 0.0f);
  for (size_t c = 0; c < n; ++c) {
    widest[c] = ImGui::CalcTextSize(sec.head[c].c_str()).x;
    for (const auto& row : sec.rows) {
      float w = ImGui::CalcTextSize(row[c].text.c_str()).x;
      if (row[c].tone != Tone::Plain && row[c].tone != Tone::Muted) w += 12 * s();
      w = std::max(w, ImGui::CalcTextSize(row[c].note.c_str()).x);
      widest[c] = std::max(widest[c], w);
    }
  }
  ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg |
                          ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
  if (!ImGui::BeginTable(sec.id.c_str(), int(n), flags)) return;
  // A column is fixed when its widest text fits in a fifth of the width; when
  // every column fits, the last one takes the rest.
  std::vector<bool> fixed(n);
  bool any_stretch = false;
  for (size_t c = 0; c < n; ++c) {
    fixed[c] = widest[c] + cell_pad <= avail * 0.22f;
    any_stretch = any_stretch || !fixed[c];
  }
  if (!any_stretch) fixed[n - 1] = false;
  for (size_t c = 0; c < n; ++c) {
    if (fixed[c])
      ImGui::TableSetupColumn(sec.head[c].c_str(), ImGuiTableColumnFlags_WidthFixed,
                              std::ceil(widest[c]) + 2);
    else
      ImGui::TableSetupColumn(sec.head[c].c_str(), ImGuiTableColumnFlags_WidthStretch,
                              c == 0 ? 2.0f : 1.5f);
  }
  // The header row as wrapped muted text (ImGui's own header clips).
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (size_t c = 0; c < n; ++c) {
    ImGui::TableSetColumnIndex(int(c));
    label(sec.head[c].c_str());
  }
  for (const auto& row : sec.rows) {
    ImGui::TableNextRow();
    for (size_t c = 0; c < n && c < row.size(); ++c) {
      ImGui::TableSetColumnIndex(int(c));
      pill(row[c].text, row[c].tone);
      wrapped(row[c].note, palette().muted_text);
    }
  }
  ImGui::EndTable();
}

void lists(App& app, const ReportSection& sec) {
  if (sec.lists.empty()) return;
  if (!ImGui::BeginTable("lists", 2, ImGuiTableFlags_SizingStretchSame)) return;
  for (const auto& [title, items] : sec.lists) {
    ImGui::TableNextColumn();
    if (app.fonts.heading) ImGui::PushFont(app.fonts.heading);
    wrapped(title);
    if (app.fonts.heading) ImGui::PopFont();
    for (const std::string& item : items) bullet(item);
    ImGui::Dummy(ImVec2(0, 8 * s()));
  }
  ImGui::EndTable();
}

void section_block(App& app, const ReportSection& sec, bool with_title) {
  if (with_title) {
    ImGui::Dummy(ImVec2(0, 6 * s()));
    if (app.fonts.heading) ImGui::PushFont(app.fonts.heading);
    wrapped(sec.title);
    if (app.fonts.heading) ImGui::PopFont();
  }
  facts(app, sec.facts);
  for (const std::string& p : sec.paragraphs) wrapped(p, palette().muted_text);
  if (!sec.head.empty()) table(sec);
  lists(app, sec);
  if (sec.head.empty() && sec.lists.empty() && sec.facts.empty() && sec.paragraphs.empty())
    wrapped(sec.empty, palette().muted_text);
}

// [SECTION] Strip -------------------------------------------------------------------

// One card of the strip: a label, a main line and details, in a framed box.
template <class F>
void card(const char* id, const char* title, float width, float height, F&& body) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 8 * s());
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12 * s(), 8 * s()));
  ImGui::BeginChild(
      id, ImVec2(width, height), true,
      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
  label(title);
  body();
  ImGui::EndChild();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
}

// The strip reads core's typed headline: which milestone leads, what is needed
// and when the next meeting is are decided there, not here.
void strip(App& app, const ClientHeadline& h) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3.0f;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float height = 4.2f * line + 16 * s();
  auto big = [&](const std::string& text, ImU32 colour = 0) {
    if (app.fonts.heading) ImGui::PushFont(app.fonts.heading);
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(fitted(text, ImGui::GetContentRegionAvail().x).c_str());
    if (colour) ImGui::PopStyleColor();
    if (app.fonts.heading) ImGui::PopFont();
  };

  const bool late = h.milestone && h.milestone->late;
  card("next_milestone", late ? "Milestone late" : "Next milestone", width, height, [&] {
    if (!h.milestone) {
      wrapped("No milestone ahead.", palette().muted_text);
      return;
    }
    const ClientHeadline::MilestoneNow& m = *h.milestone;
    big(m.title, late ? palette().danger : 0);
    if (m.agreed == m.now) {
      wrapped(date_text(m.now) + ", as agreed", late ? palette().danger : palette().ok);
      return;
    }
    int slip = m.now.days - m.agreed.days;
    wrapped("Agreed " + date_text(m.agreed));
    wrapped("Now " + date_text(m.now) + "  (" + shift_text(slip) + ")",
            slip > 0 ? palette().warning : palette().muted_text);
  });

  ImGui::SameLine();
  card("needs", "What we need from you", width, height, [&] {
    if (h.needs.empty()) {
      wrapped("Nothing open on your side. Thank you!", palette().muted_text);
      return;
    }
    const size_t shown = std::min<size_t>(h.needs.size(), 2);
    for (size_t i = 0; i < shown; ++i) {
      const ClientHeadline::Need& n = h.needs[i];
      // The due date first, in its tone: it must never be the part cut off.
      ImGui::PushStyleColor(ImGuiCol_Text, n.overdue ? palette().danger : palette().muted_text);
      ImGui::TextUnformatted(
          (n.overdue ? date_text(n.due) + ", overdue" : "due " + date_text(n.due)).c_str());
      ImGui::PopStyleColor();
      ImGui::SameLine();
      ImGui::TextUnformatted(fitted(n.task, ImGui::GetContentRegionAvail().x).c_str());
    }
    if (h.needs.size() > shown)
      label(("+ " + std::to_string(h.needs.size() - shown) + " more: page " +
             std::to_string(int(ClientPage::Needs) + 1))
                .c_str());
  });

  ImGui::SameLine();
  card("next_meeting", "Next meeting", width, height, [&] {
    if (!h.next_meeting) {
      wrapped("No meeting planned.", palette().muted_text);
      return;
    }
    const ClientHeadline::Meeting& m = *h.next_meeting;
    big(m.title);
    wrapped(date_text(m.start.date) + ",  " + m.start.time.hhmm() + "–" + m.end.time.hhmm());
    wrapped(m.zone + " time", palette().muted_text);
  });
}

// [SECTION] Window ------------------------------------------------------------------

void header(App& app, const ClientReport& r) {
  const float w = ImGui::GetContentRegionAvail().x;
  std::string as_of = r.subtitle;
  float as_of_w = ImGui::CalcTextSize(as_of.c_str()).x;
  ImVec2 start = ImGui::GetCursorPos();
  heading_text(app, r.title.empty() ? std::string("Engagement") : r.title, w - as_of_w - 40 * s());
  float title_w = ImGui::GetItemRectSize().x;
  if (!r.parties.empty()) {
    float room = w - as_of_w - title_w - 60 * s();
    if (room > 80 * s()) {
      ImGui::SameLine(0, 16 * s());
      ImGui::AlignTextToFramePadding();
      ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
      ImGui::TextUnformatted(fitted(r.parties, room).c_str());
      ImGui::PopStyleColor();
    }
  }
  ImGui::SameLine(start.x + w - as_of_w);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
  ImGui::TextUnformatted(as_of.c_str());
  ImGui::PopStyleColor();
  ImGui::Separator();
}

// The pages as tabs along the bottom (click one, or press its number), and the keys.
void tabs(App& app, float height) {
  ClientView& c = app.panels.client;
  const char* hint = "PgDn next  ·  PgUp back  ·  F11 editor";
  float hint_w = ImGui::CalcTextSize(hint).x;
  float x0 = ImGui::GetCursorPosX();
  float right = x0 + ImGui::GetContentRegionAvail().x;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (height - ImGui::GetTextLineHeight()) * 0.5f);
  float y = ImGui::GetCursorPosY();
  float x = x0;
  for (const PageInfo& p : kPages) {
    std::string text = p.tab;
    float tw = ImGui::CalcTextSize(text.c_str()).x;
    if (x + tw > right - hint_w - 24 * s()) break;  // no room: the page keys still reach it
    ImGui::SetCursorPos(ImVec2(x, y));
    bool current = p.page == c.page;
    ImGui::PushStyleColor(ImGuiCol_Text,
                          current ? palette().accent : ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::PushID(int(p.page));
    if (ImGui::Selectable(text.c_str(), false, 0, ImVec2(tw, 0))) c.go_to(p.page);
    ImGui::PopID();
    ImGui::PopStyleColor();
    if (current) {
      ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x, b.y + 1 * s()),
                                                ImVec2(b.x, b.y + 4 * s()), palette().accent);
    }
    x += tw + 22 * s();
  }
  ImGui::SetCursorPos(ImVec2(right - hint_w, y));
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
  ImGui::TextUnformatted(hint);
  ImGui::PopStyleColor();
}

void timeline_page(App& app, const ClientReport& r, float height) {
  ImVec2 start = ImGui::GetCursorPos();
  strip(app, r.headline);
  float used = ImGui::GetCursorPosY() - start.y;
  ImGui::BeginChild(
      "client_timeline", ImVec2(0, std::max(120.0f, height - used)), false,
      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
  draw_client_timeline(app);
  ImGui::EndChild();
}

// Where the editor shows health findings, the room sees open points: neutral
// facts written by core next to each finding, never the provider's advice.
void open_points(App& app) {
  const auto& findings = app.doc.findings(Audience::Client, app.today());
  std::vector<const Finding*> points = client_open_points(findings);
  if (points.empty()) return;
  ImGui::Dummy(ImVec2(0, 6 * s()));
  if (app.fonts.heading) ImGui::PushFont(app.fonts.heading);
  wrapped("Also open");
  if (app.fonts.heading) ImGui::PopFont();
  for (const Finding* f : points)
    bullet(f->open_point, f->severity == Severity::Problem ? palette().danger : 0);
}

void report_page(App& app, const ClientReport& r) {
  ClientView& c = app.panels.client;
  const PageInfo& p = info(c.page);
  heading_text(app, p.title, ImGui::GetContentRegionAvail().x);
  ImGui::Spacing();
  bool first = true;
  for (const char* id : p.sections) {
    if (!id) continue;
    if (const ReportSection* sec = r.section(id)) {
      section_block(app, *sec, !first);
      first = false;
    }
  }
  if (c.page == ClientPage::Needs) open_points(app);
}

}  // namespace

void draw_client_timeline(App& app) {
  ClientView& c = app.panels.client;
  const Date today = app.today();
  const TimelineIndex& index = app.doc.timeline_index(Audience::Client, today);
  apply_pending_focus(app, c.timeline, index);
  c.timeline.draw(app.doc.shown(Audience::Client), index, c.view, app.commands, today);
}

void draw_client_view(App& app) {
  ClientView& c = app.panels.client;
  const ClientReport& r = app.doc.client_report(app.today());
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20 * s(), 12 * s()));
  ImGui::Begin("ClientView", nullptr, kClientWindowFlags);
  header(app, r);
  const float tabs_h = ImGui::GetTextLineHeight() + 16 * s();
  const float body_h = ImGui::GetContentRegionAvail().y - tabs_h - ImGui::GetStyle().ItemSpacing.y;
  if (c.page == ClientPage::Timeline) {
    timeline_page(app, r, body_h);
  } else {
    ImGui::BeginChild("client_page", ImVec2(0, body_h), false, ImGuiWindowFlags_NoNav);
    if (c.scroll_to_top) ImGui::SetScrollY(0);
    const float step = ImGui::GetTextLineHeightWithSpacing() * 3;
    if (key_pressed(ImGuiKey_DownArrow)) ImGui::SetScrollY(ImGui::GetScrollY() + step);
    if (key_pressed(ImGuiKey_UpArrow)) ImGui::SetScrollY(ImGui::GetScrollY() - step);
    report_page(app, r);
    ImGui::EndChild();
  }
  c.scroll_to_top = false;
  ImGui::Separator();
  tabs(app, tabs_h);
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace rapport::app
