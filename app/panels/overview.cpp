// The Overview section.
#include "panels/overview.hpp"

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <optional>
#include <variant>

#include "panels/field_widgets.hpp"
#include "rapport/commands.hpp"
#include "rapport/fields.hpp"
#include "rapport/recurrence.hpp"
#include "rapport/validate.hpp"
#include "theme.hpp"

namespace rapport::app {
namespace {

void section_heading(const char* text) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::Separator();
}

void label_cell(const char* label, bool internal = false) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::AlignTextToFramePadding();
  field_label(label, internal);
  ImGui::TableSetColumnIndex(1);
  ImGui::SetNextItemWidth(-FLT_MIN);
}

}  // namespace

void Overview::draw(PanelContext& ctx) {
  const Engagement& e = ctx.engagement;
  // The draft is taken again whenever the document changes (an edit here or
  // elsewhere, undo, redo, another file): the fields show what is saved.
  if (!has_draft_ || generation_ != ctx.stamp.generation || !(base_ == e.info)) {
    draft_ = e.info;
    base_ = e.info;
    buffers_.clear();
    error_ = {};
    generation_ = ctx.stamp.generation;
    has_draft_ = true;
  }

  float width = ImGui::GetContentRegionAvail().x;
  bool two_columns = width > ImGui::GetFontSize() * 40;
  if (two_columns) {
    ImGui::BeginTable("overview", 2, ImGuiTableFlags_SizingStretchSame);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
  }

  // Details of the engagement, edited in place.
  section_heading("ENGAGEMENT");
  bool done = false;
  std::string edited_date;  // the date field finished this frame, if any
  if (ImGui::BeginTable("info", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    auto text = [&](const char* label, std::string& v, bool internal = false, bool multi = false,
                    const char* hint = "") {
      label_cell(label, internal);
      ImGui::PushID(label);
      if (multi)
        ImGui::InputTextMultiline("##v", &v, ImVec2(-FLT_MIN, ImGui::GetFontSize() * 3));
      else
        ImGui::InputTextWithHint("##v", hint, &v);
      done |= ImGui::IsItemDeactivatedAfterEdit();
      ImGui::PopID();
    };
    // A refused edit's reason goes under the field it is about.
    auto reason_for = [&](const char* field) {
      if (!error_.message.empty() && error_.field == field) field_problem(error_.message);
    };
    auto date = [&](const char* label, const char* field, Date& v) {
      label_cell(label);
      FieldEdit edit = edit_date(label, v, buffers_);
      done |= edit.done;
      if (edit.done) edited_date = field;
      if (!edit.problem.empty()) field_problem(edit.problem);
      reason_for(field);
    };
    text("Name", draft_.name);
    text("Client", draft_.client_org);
    text("Provider", draft_.provider_org);
    date("Starts", "start", draft_.start);
    date("Ends", "end", draft_.end);
    text("Time zone", draft_.time_zone);
    reason_for("time_zone");
    // Empty: the client works in the same zone (the hint says which).
    const std::string same_zone = "same: " + draft_.time_zone;
    text("Client's zone", draft_.client_time_zone, false, false, same_zone.c_str());
    reason_for("client_time_zone");
    text("Currency", draft_.currency);
    text("Vision", draft_.vision, false, true);
    text("Internal notes", draft_.internal_notes, true, true);
    label_cell("Day rate", true);
    FieldEdit edit = edit_money("rate", draft_.internal_day_rate_minor, buffers_);
    done |= edit.done;
    if (!edit.problem.empty()) field_problem(edit.problem);
    label_cell("Margin %", true);
    int margin = draft_.internal_margin_percent;
    if (ImGui::InputInt("##margin", &margin))
      draft_.internal_margin_percent = std::clamp(margin, -100, 1000);
    done |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::EndTable();
  }
  if (done && !(draft_ == e.info)) {
    std::optional<Error> problem = validate(e, draft_);
    if (!problem) {
      auto planned = plan(e, SetInfo{draft_});
      if (auto* refused = std::get_if<Error>(&planned)) problem = *refused;
    }
    if (problem) {
      // Refused: say why, and show what is saved again.
      error_ = *problem;
      // "Ends before it starts" belongs under the date that was just typed.
      if ((error_.field == "start" || error_.field == "end") && !edited_date.empty())
        error_.field = edited_date;
      draft_ = e.info;
      buffers_.clear();
    } else {
      error_ = {};
      ctx.queue.push(SetInfo{draft_});
    }
  }
  // A reason about no single date field is shown under the details.
  const bool under_a_field = error_.field == "start" || error_.field == "end" ||
                             error_.field == "time_zone" || error_.field == "client_time_zone";
  if (!error_.message.empty() && !under_a_field) field_problem(error_.message);

  if (two_columns) ImGui::TableSetColumnIndex(1);

  // Next meetings.
  section_heading("NEXT MEETINGS");
  Instant now = to_instant(LocalDateTime{ctx.today, LocalTime{0}}, e.info.time_zone);
  auto next = occurrences(e, now, now.plus_minutes(1440 * 28));
  int shown = 0;
  for (const Occurrence& o : next) {
    if (shown == 5) break;
    if (o.state == OccurrenceState::Cancelled) continue;
    const MeetingSeries* s = e.meetings.find(o.series);
    LocalDateTime local = to_local(o.start, e.info.time_zone);
    ImGui::PushID(shown);
    std::string label = fmt::format("{} {}  {}  {}", weekday_short(local.date.weekday()),
                                    local.date.iso(), local.time.hhmm(), s ? s->title : "?");
    if (ImGui::Selectable(label.c_str(), ctx.view.selection == Selection{o.series, o.original})) {
      ctx.view.selection = Selection{o.series, o.original};
      ctx.view.reveal_on_timeline = ctx.view.selection;
    }
    ImGui::PopID();
    ++shown;
  }
  if (shown == 0) ImGui::TextDisabled("No meetings in the next four weeks.");

  // Milestones: agreed against now.
  section_heading("MILESTONES: AGREED → NOW");
  std::vector<const Milestone*> upcoming;
  for (const auto& [id, m] : e.milestones)
    if (m.current >= ctx.today && m.status != MilestoneStatus::Done) upcoming.push_back(&m);
  std::sort(upcoming.begin(), upcoming.end(),
            [](auto* a, auto* b) { return a->current < b->current; });
  if (upcoming.size() > 5) upcoming.resize(5);
  for (const Milestone* m : upcoming) {
    int drift = m->current.days - m->baseline.days;
    std::string label = drift == 0
                            ? fmt::format("{}  {}  on plan", m->current.iso(), m->title)
                            : fmt::format("{}  {}  (agreed {}, {:+d} days)", m->current.iso(),
                                          m->title, m->baseline.iso(), drift);
    if (drift > 0) ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
    if (ImGui::Selectable(label.c_str(), ctx.view.selection.id == m->id)) {
      ctx.view.selection = Selection{m->id, std::nullopt};
      ctx.view.reveal_on_timeline = ctx.view.selection;
    }
    if (drift > 0) ImGui::PopStyleColor();
  }
  if (upcoming.empty()) ImGui::TextDisabled("No milestones ahead.");

  // What the client owes.
  section_heading("WHAT WE NEED FROM THE CLIENT");
  std::vector<const ClientTask*> open;
  for (const auto& [id, t] : e.client_tasks)
    if (t.status == TaskStatus::Open) open.push_back(&t);
  std::sort(open.begin(), open.end(), [](auto* a, auto* b) { return a->due < b->due; });
  size_t listed = 0;
  for (const ClientTask* t : open) {
    if (listed++ == 8) {
      ImGui::TextDisabled("… and %zu more", open.size() - 8);
      break;
    }
    bool overdue = t->due < ctx.today;
    const Stakeholder* owner = e.stakeholders.find(t->owner);
    std::string label = fmt::format("{}  {}  · {}{}", t->due.iso(), t->title,
                                    owner ? owner->name : "no owner", overdue ? "  · overdue" : "");
    if (overdue) ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    if (ImGui::Selectable(label.c_str(), ctx.view.selection.id == t->id)) {
      ctx.view.selection = Selection{t->id, std::nullopt};
      ctx.view.reveal_on_timeline = ctx.view.selection;
    }
    if (overdue) ImGui::PopStyleColor();
  }
  if (open.empty()) ImGui::TextDisabled("Nothing open.");

  if (two_columns) ImGui::EndTable();
}

}  // namespace rapport::app
