// [SECTION] index
//   Drafts          - the item being edited, kept until it is valid
//   Generic fields  - every kind, from core's field descriptors
//   Change requests - impact preview and the decision (approve, reject, defer)
//   Meetings        - recurrence and the occurrences (held, cancelled, moved)
//   Inspector       - dispatch on the selected item's kind
#include "panels/inspector.hpp"

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <tuple>

#include "panels/change_request_decision.hpp"
#include "panels/field_widgets.hpp"
#include "panels/occurrence_cancel.hpp"
#include "rapport/agenda.hpp"
#include "rapport/fields.hpp"
#include "rapport/recurrence.hpp"
#include "rapport/validate.hpp"
#include "theme.hpp"

namespace rapport::app {

// [SECTION] Drafts ----------------------------------------------------------------

template <class T>
struct Draft {
  Id id = kNoId;
  T item;                   // what the user is editing
  T base;                   // the item as it was when the draft was taken
  uint64_t generation = 0;  // the document's generation when the draft was taken
  FieldBuffers buffers;
  Error error;  // why the last edit was refused; the draft shows what is saved
};

struct Inspector::State {
  std::tuple<Draft<Stakeholder>, Draft<Objective>, Draft<Constraint>, Draft<Question>,
             Draft<Expectation>, Draft<Responsibility>, Draft<Deliverable>,
             Draft<CommunicationChannel>, Draft<MeetingSeries>, Draft<Milestone>, Draft<Boundary>,
             Draft<ChangeRequest>, Draft<ClientTask>, Draft<Decision>, Draft<Feedback>>
      drafts;
  // Reject dialog.
  ChangeRequestDecision decision;  // approve, defer, reopen, or reject with a reason
  CancelOccurrenceDialog cancel;   // why and who, shared with the timeline's menu
  // Occurrence editor.
  Id occ_series = kNoId;
  Date occ_date;
  uint64_t occ_generation = 0;  // the document's generation when `occ` was taken
  OccurrenceOverride occ;
  // What `occ` started as: the stored override, its agenda proposed when it
  // has none (Revert goes back to it).
  OccurrenceOverride occ_base;
  std::vector<AgendaPoint> occ_proposed;  // proposed agenda, for "Add open points"
  std::string occ_moved_date, occ_moved_time, occ_error, occ_new_point;
};

Inspector::Inspector() : state_(std::make_unique<State>()) {}
Inspector::~Inspector() = default;

namespace {

void heading(const char* kind, const std::string& name) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
  ImGui::TextUnformatted(kind);
  ImGui::PopStyleColor();
  // The item's name is the inspector's heading.
  ImGui::SetWindowFontScale(1.3f);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(name.empty() ? "—" : name.c_str());
  ImGui::PopTextWrapPos();
  ImGui::SetWindowFontScale(1.0f);
  ImGui::Separator();
}

std::string capitalised(const char* s) {
  std::string out = s;
  if (!out.empty()) out[0] = char(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// Pre-checks a command with core before queueing it: why it would be refused.
std::optional<Error> refused(const Engagement& e, const Command& c) {
  auto outcome = plan(e, c);
  if (auto* error = std::get_if<Error>(&outcome)) return *error;
  return std::nullopt;
}
std::string refusal(const Engagement& e, const Command& c) {
  auto error = refused(e, c);
  return error ? error->message : std::string();
}

// [SECTION] Generic fields ----------------------------------------------------------

// Draws the fields of `d.item`; returns true when an edit finished and the
// draft differs from the base (the caller validates and commits).
template <class T>
bool draw_fields(PanelContext& ctx, Draft<T>& d) {
  bool commit = false;
  if (!ImGui::BeginTable("fields", 2, ImGuiTableFlags_SizingStretchProp)) return false;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7.5f);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  for (const Field<T>& f : fields<T>()) {
    if constexpr (std::is_same_v<T, Boundary>) {
      // Show only what the boundary's kind uses.
      std::string k = f.key;
      bool hours = k == "working_days" || k == "day_start" || k == "day_end" || k == "hours_side";
      bool range = k == "from" || k == "to";
      bool quota =
          k == "included" || k == "used" || k == "unit" || k == "period" || k == "extra_rate_minor";
      if ((hours && d.item.kind != BoundaryKind::WorkingHours) ||
          (range && d.item.kind != BoundaryKind::Blackout) ||
          (quota && d.item.kind != BoundaryKind::Quota))
        continue;
    }
    if constexpr (std::is_same_v<T, ChangeRequest>) {
      // The decision is made with the buttons below, not typed in.
      std::string k = f.key;
      if (k == "status" || k == "decided_on" || k == "decided_by") {
        edit_field(ctx.engagement, d.item, f, d.buffers, true);
        continue;
      }
    }
    FieldEdit edit = edit_field(ctx.engagement, d.item, f, d.buffers);
    if (edit.done && !(d.item == d.base)) commit = true;
    if (!d.error.message.empty() && d.error.field == f.key) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(1);
      field_problem(d.error.message);
    }
  }
  ImGui::EndTable();
  if (!d.error.message.empty()) {
    bool shown = false;
    for (const Field<T>& f : fields<T>()) shown |= d.error.field == f.key;
    if (!shown) field_problem(d.error.message);
  }
  return commit;
}

// Validates the draft with core's rules and queues the update; a refused edit
// keeps its reason and the fields go back to what is saved (what you see is
// what the file holds).
template <class T>
void commit(PanelContext& ctx, Draft<T>& d) {
  std::optional<Error> error = validate(ctx.engagement, d.item);
  if (!error) error = refused(ctx.engagement, Update<T>{d.item});
  if (error) {
    d.error = *error;
    d.item = d.base;
    d.buffers.clear();
    return;
  }
  d.error = {};
  ctx.queue.push(Update<T>{d.item});
}

// [SECTION] Change requests -----------------------------------------------------------

void draw_decision(PanelContext& ctx, const ChangeRequest& cr, Inspector::State& s) {
  const Engagement& e = ctx.engagement;
  ImGui::Spacing();
  ImGui::TextUnformatted("Impact if approved");
  if (cr.impacts.empty()) ImGui::TextDisabled("No milestone moves.");
  for (const MilestoneImpact& m : cr.impacts) {
    const Milestone* ms = e.milestones.find(m.milestone);
    if (!ms) continue;
    Date to = ms->current.plus_days(cr.status == ChangeStatus::Approved ? 0 : m.days);
    Date from = cr.status == ChangeStatus::Approved ? ms->current.plus_days(-m.days) : ms->current;
    ImGui::BulletText("%s: %s → %s (%+d days; agreed %s)", ms->title.c_str(), from.iso().c_str(),
                      to.iso().c_str(), m.days, ms->baseline.iso().c_str());
  }
  ImGui::BulletText("Cost %s, effort %d h", money_text(cr.cost_minor, e.info.currency).c_str(),
                    cr.effort_hours);
  ImGui::Spacing();
  if (cr.status == ChangeStatus::Approved) {
    ImGui::TextDisabled("Approved on %s. Undo (Ctrl+Z) reverses the approval and its moves.",
                        cr.decided_on ? cr.decided_on->iso().c_str() : "?");
    return;
  }
  ChangeRequestDecision& decision = s.decision;
  auto decide = [&](ChangeStatus status) { decision.decide(e, ctx.queue, cr, status, ctx.today); };
  // The primary action: the ok colour with the text colour that reads on it.
  ImGui::PushStyleColor(ImGuiCol_Button, palette().ok);
  ImGui::PushStyleColor(ImGuiCol_Text, text_on(palette().ok));
  if (ImGui::Button("Approve")) decide(ChangeStatus::Approved);
  ImGui::PopStyleColor(2);
  ImGui::SameLine();
  if (ImGui::Button("Reject…")) decision.open_reject(cr);
  ImGui::SameLine();
  if (cr.status != ChangeStatus::Deferred && ImGui::Button("Defer")) decide(ChangeStatus::Deferred);
  if (cr.status != ChangeStatus::Proposed) {
    ImGui::SameLine();
    if (ImGui::Button("Reopen")) decide(ChangeStatus::Proposed);
  }
  if (!decision.error().empty() && !decision.reject_dialog_open()) field_problem(decision.error());
  decision.draw_reject_dialog(e, ctx.queue, ctx.today);
}

// [SECTION] Meetings ------------------------------------------------------------------

// Edits the draft's recurrence; returns true when a change finished.
bool draw_recurrence(MeetingSeries& m, FieldBuffers& buffers) {
  bool done = false;
  Recurrence& r = m.recurrence;
  ImGui::TextUnformatted("Repeats");
  static const char* kinds[] = {"Once", "Daily", "Weekly", "Monthly on a day",
                                "Monthly on a weekday"};
  int f = int(r.frequency);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::Combo("##frequency", &f, kinds, 5)) {
    r.frequency = Frequency(f);
    if (r.frequency == Frequency::Weekly && r.weekdays == 0)
      r.weekdays = uint8_t(1u << m.first_date.weekday());
    if (r.frequency == Frequency::MonthlyOnDay) r.month_day = int32_t(m.first_date.day());
    if (r.frequency == Frequency::MonthlyOnWeekday) {
      r.weekday = uint8_t(m.first_date.weekday());
      r.week_of_month = int32_t((m.first_date.day() - 1) / 7 + 1);
    }
    done = true;
  }
  if (r.frequency == Frequency::Once) return done;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  int interval = r.interval;
  if (ImGui::InputInt("every (interval)", &interval)) r.interval = std::clamp(interval, 1, 1000);
  done |= ImGui::IsItemDeactivatedAfterEdit();
  if (r.frequency == Frequency::Weekly) {
    for (unsigned i = 1; i <= 7; ++i) {
      unsigned wd = i % 7;
      bool on = r.weekdays & (1u << wd);
      if (i > 1) ImGui::SameLine();
      if (ImGui::Checkbox(weekday_short(wd), &on)) {
        r.weekdays = uint8_t(on ? (r.weekdays | (1u << wd)) : (r.weekdays & ~(1u << wd)));
        done = true;
      }
    }
  } else if (r.frequency == Frequency::MonthlyOnDay) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    int day = r.month_day;
    if (ImGui::InputInt("day of the month", &day)) r.month_day = std::clamp(day, 1, 31);
    done |= ImGui::IsItemDeactivatedAfterEdit();
  } else if (r.frequency == Frequency::MonthlyOnWeekday) {
    static const char* nth[] = {"last", "1st", "2nd", "3rd", "4th", "5th"};
    int n = r.week_of_month < 0 ? 0 : r.week_of_month;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    if (ImGui::Combo("##nth", &n, nth, 6)) {
      r.week_of_month = n == 0 ? -1 : n;
      done = true;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    int wd = r.weekday;
    const char* names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                           "Thursday", "Friday", "Saturday"};
    if (ImGui::Combo("of the month##wd", &wd, names, 7)) {
      r.weekday = uint8_t(wd);
      done = true;
    }
  }
  // Ends: until a date, after a count, or never.
  std::string& until = buffers.text["until"];
  if (!ImGui::IsItemActive() && until.empty() && r.until) until = r.until->iso();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputTextWithHint("until (YYYY-MM-DD)", "never", &until);
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    if (until.find_first_not_of(' ') == std::string::npos) {
      r.until.reset();
      done = true;
    } else if (auto d = parse_date(until)) {
      r.until = d;
      done = true;
    }
  }
  if (!until.empty() && !parse_date(until) && !ImGui::IsItemActive())
    field_problem("Write the end date as 2027-03-31.");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  int count = r.count;
  if (ImGui::InputInt("times (0 = no limit)", &count)) r.count = std::clamp(count, 0, 100000);
  done |= ImGui::IsItemDeactivatedAfterEdit();
  return done;
}

const char* state_label(const Occurrence& o) {
  if (o.state == OccurrenceState::Held) return o.has_recap ? "held" : "held · no recap";
  if (o.state == OccurrenceState::Cancelled) return "cancelled";
  return o.moved ? "moved" : "planned";
}

void draw_occurrences(PanelContext& ctx, const MeetingSeries& m) {
  const Engagement& e = ctx.engagement;
  const std::string& zone = series_zone(m, e.info);
  ImGui::Spacing();
  ImGui::TextUnformatted("Occurrences");
  // The last eight and the next four, around today.
  Instant now = to_instant(LocalDateTime{ctx.today, LocalTime{0}}, zone);
  auto past = occurrences(m, e.info, now.plus_minutes(-1440 * 7 * 12), now);
  auto next = occurrences(m, e.info, now, now.plus_minutes(1440 * 7 * 8));
  if (past.size() > 8) past.erase(past.begin(), past.end() - 8);
  if (next.size() > 4) next.resize(4);
  past.insert(past.end(), next.begin(), next.end());
  if (past.empty()) ImGui::TextDisabled("None in the twelve weeks around today.");
  for (const Occurrence& o : past) {
    LocalDateTime local = to_local(o.start, zone);
    std::string label = fmt::format("{} {} {}  ·  {}", weekday_short(local.date.weekday()),
                                    local.date.iso(), local.time.hhmm(), state_label(o));
    bool selected = ctx.view.selection.occurrence == o.original;
    ImGui::PushID(o.original.days);
    if (o.state == OccurrenceState::Held && !o.has_recap)
      ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
    if (ImGui::Selectable(label.c_str(), selected))
      ctx.view.selection = Selection{m.id, o.original};
    if (o.state == OccurrenceState::Held && !o.has_recap) ImGui::PopStyleColor();
    ImGui::PopID();
  }
}

// The agenda: tick what was covered (the rest carries to the next meeting of
// the series), edit or remove a point, add one, or add the open points that
// are not on it yet.
void draw_agenda(std::vector<AgendaPoint>& agenda, const std::vector<AgendaPoint>& proposed,
                 std::string& new_point, float w) {
  // Folded to one line by default: the occurrence's own fields stay in view.
  size_t carried_points = 0;
  for (const AgendaPoint& p : agenda) carried_points += p.carried_from ? 1 : 0;
  std::string title =
      fmt::format("Agenda · {} point{}", agenda.size(), agenda.size() == 1 ? "" : "s");
  if (carried_points) title += fmt::format(", {} carried", carried_points);
  if (!ImGui::CollapsingHeader((title + "###agenda").c_str())) return;
  ImGui::TextDisabled(
      "Tick what was covered; the rest moves to the next meeting. Save occurrence keeps it.");
  if (agenda.empty()) ImGui::TextDisabled("Nothing on the agenda yet.");
  int remove = -1;
  for (size_t i = 0; i < agenda.size(); ++i) {
    AgendaPoint& p = agenda[i];
    ImGui::PushID(int(i));
    ImGui::Checkbox("##covered", &p.covered);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Covered at this meeting");
    ImGui::SameLine();
    std::string carried =
        p.carried_from ? fmt::format("from {}", day_month(*p.carried_from)) : std::string();
    float tail = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x +
                 (carried.empty()
                      ? 0.0f
                      : ImGui::CalcTextSize(carried.c_str()).x + ImGui::GetStyle().ItemSpacing.x);
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 6, w - ImGui::GetCursorPosX() - tail));
    ImGui::InputText("##point", &p.text);
    if (!carried.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", carried.c_str());
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Not covered at the meeting of %s", date_text(*p.carried_from).c_str());
    }
    ImGui::SameLine();
    if (ImGui::Button("×", ImVec2(ImGui::GetFrameHeight(), 0))) remove = int(i);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this point");
    ImGui::PopID();
  }
  if (remove >= 0) agenda.erase(agenda.begin() + remove);
  ImGui::SetNextItemWidth(
      std::max(ImGui::GetFontSize() * 6, w - ImGui::CalcTextSize("Add point").x -
                                             ImGui::GetStyle().FramePadding.x * 2 -
                                             ImGui::GetStyle().ItemSpacing.x));
  bool enter = ImGui::InputTextWithHint("##newpoint", "A point to discuss", &new_point,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Add point") || enter) &&
      new_point.find_first_not_of(" \t") != std::string::npos) {
    agenda.push_back(AgendaPoint{new_point, false, {}});
    new_point.clear();
  }
  std::vector<AgendaPoint> missing;
  for (const AgendaPoint& p : proposed)
    if (std::none_of(agenda.begin(), agenda.end(),
                     [&](const AgendaPoint& a) { return a.text == p.text; }))
      missing.push_back(p);
  if (!missing.empty()) {
    if (ImGui::Button(
            fmt::format("Add {} open point{}", missing.size(), missing.size() == 1 ? "" : "s")
                .c_str()))
      agenda.insert(agenda.end(), missing.begin(), missing.end());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("What needs the client and is not on the agenda yet");
  }
  ImGui::Spacing();
}

void draw_occurrence_editor(PanelContext& ctx, const MeetingSeries& m, Date original,
                            Inspector::State& s) {
  const Engagement& e = ctx.engagement;
  auto occ = find_occurrence(m, e.info, original);
  if (!occ) return;
  // Take a fresh copy when another occurrence is chosen or the document
  // changed (an undo, a redo, an edit elsewhere): a stale draft is never offered.
  auto stored_it = m.overrides.find(original);
  OccurrenceOverride stored =
      stored_it == m.overrides.end() ? OccurrenceOverride{} : stored_it->second;
  if (s.occ_series != m.id || s.occ_date != original || s.occ_generation != ctx.stamp.generation) {
    s.occ_series = m.id;
    s.occ_date = original;
    s.occ_generation = ctx.stamp.generation;
    // The agenda proposed from what needs the client; an edited one is kept.
    s.occ_proposed = proposed_agenda(e, m.id, original, ctx.today);
    s.occ_base = stored;
    if (s.occ_base.agenda.empty()) s.occ_base.agenda = s.occ_proposed;
    s.occ = s.occ_base;
    s.occ_new_point.clear();
    s.occ_error.clear();
    LocalDateTime at = stored.moved_to ? *stored.moved_to : LocalDateTime{original, m.start};
    s.occ_moved_date = at.date.iso();
    s.occ_moved_time = at.time.hhmm();
  }
  const std::string& zone = series_zone(m, e.info);
  LocalDateTime local = to_local(occ->start, zone);
  ImGui::Separator();
  ImGui::Text("%s, %s %s (%s)", m.title.c_str(), local.date.iso().c_str(),
              local.time.hhmm().c_str(), zone.c_str());
  int state = int(s.occ.state);
  ImGui::RadioButton("Planned", &state, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Held", &state, 1);
  ImGui::SameLine();
  ImGui::RadioButton("Cancelled", &state, 2);
  s.occ.state = OccurrenceState(state);
  float w = ImGui::GetContentRegionAvail().x;
  if (s.occ.state == OccurrenceState::Held) {
    ImGui::TextUnformatted("Present");
    for (Id id : m.attendees) {
      const Stakeholder* p = e.stakeholders.find(id);
      if (!p) continue;
      bool on = std::find(s.occ.present.begin(), s.occ.present.end(), id) != s.occ.present.end();
      push_item_id(id);
      if (ImGui::Checkbox(p->name.c_str(), &on)) {
        if (on)
          s.occ.present.push_back(id);
        else
          s.occ.present.erase(std::remove(s.occ.present.begin(), s.occ.present.end(), id),
                              s.occ.present.end());
      }
      ImGui::PopID();
    }
    ImGui::TextUnformatted("Recap: what we agreed");
    ImGui::InputTextMultiline("##recap", &s.occ.recap_summary, ImVec2(w, ImGui::GetFontSize() * 4));
    ImGui::TextUnformatted("Agreed actions");
    ImGui::InputTextMultiline("##actions", &s.occ.agreed_actions,
                              ImVec2(w, ImGui::GetFontSize() * 3));
  } else if (s.occ.state == OccurrenceState::Cancelled) {
    int side = int(s.occ.cancelled_by);
    ImGui::TextUnformatted("Cancelled by");
    ImGui::SameLine();
    ImGui::RadioButton("client", &side, 0);
    ImGui::SameLine();
    ImGui::RadioButton("us", &side, 1);
    s.occ.cancelled_by = Side(side);
    ImGui::TextUnformatted("Why");
    ImGui::InputTextMultiline("##reason", &s.occ.cancel_reason,
                              ImVec2(w, ImGui::GetFontSize() * 3));
  }
  bool moved = s.occ.moved_to.has_value();
  if (ImGui::Checkbox("Moved to", &moved)) {
    if (moved)
      s.occ.moved_to = LocalDateTime{original, m.start};
    else
      s.occ.moved_to.reset();
  }
  if (moved) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.5f);
    ImGui::InputText("##mdate", &s.occ_moved_date);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3.5f);
    ImGui::InputText("##mtime", &s.occ_moved_time);
  }
  if (stored.state != OccurrenceState::Cancelled) {
    if (ImGui::Button("Cancel this meeting…")) s.cancel.open(m.id, original);
    ImGui::SameLine();
  }
  s.cancel.draw(e, ctx.queue);
  if (ImGui::Button("Save occurrence")) {
    OccurrenceOverride value = s.occ;
    // An agenda left as proposed stays proposed (it follows what needs the
    // client); one that was edited or ticked is kept with the occurrence.
    if (stored.agenda.empty() && value.agenda == s.occ_proposed) value.agenda.clear();
    s.occ_error.clear();
    if (moved) {
      auto d = parse_date(s.occ_moved_date);
      auto t = parse_time(s.occ_moved_time);
      if (!d)
        s.occ_error = "Write the new date as 2026-12-04.";
      else if (!t)
        s.occ_error = "Write the new time as 16:00.";
      else
        value.moved_to = LocalDateTime{*d, *t};
    }
    if (s.occ_error.empty()) {
      Command c = SetOccurrence{m.id, original, value};
      s.occ_error = refusal(e, c);
      if (s.occ_error.empty()) ctx.queue.push(std::move(c));
    }
  }
  ImGui::SameLine();
  if (!(s.occ == s.occ_base) && ImGui::Button("Revert")) {
    s.occ_series = kNoId;  // re-read next frame
  }
  if (!s.occ_error.empty()) field_problem(s.occ_error);
  // Below the buttons, folded: the occurrence's own fields and Save stay in
  // view; Save occurrence keeps the agenda with the rest.
  draw_agenda(s.occ.agenda, s.occ_proposed, s.occ_new_point, w);
}

// [SECTION] Inspector ---------------------------------------------------------------------

template <class T>
void draw_item(PanelContext& ctx, Inspector::State& s, const T& current) {
  Draft<T>& d = std::get<Draft<T>>(s.drafts);
  // A fresh draft when another item is selected or the document changed
  // (an edit here or elsewhere, undo, redo, a drag on the timeline).
  if (d.id != current.id || d.generation != ctx.stamp.generation || !(d.base == current)) {
    d.id = current.id;
    d.base = current;
    d.item = current;
    d.generation = ctx.stamp.generation;
    d.buffers.clear();
    d.error = {};
  }
  heading(capitalised(to_string(KindOf<T>::kind)).c_str(), name_of(current));
  // What a person came for first: the decision, or the occurrence they picked.
  if constexpr (std::is_same_v<T, ChangeRequest>) {
    draw_decision(ctx, current, s);
    ImGui::Separator();
  }
  if constexpr (std::is_same_v<T, MeetingSeries>) {
    if (ctx.view.selection.occurrence) {
      draw_occurrence_editor(ctx, current, *ctx.view.selection.occurrence, s);
      ImGui::Separator();
    }
  }
  if (draw_fields(ctx, d)) commit(ctx, d);
  if (!(d.item == d.base)) {
    if (ImGui::Button("Revert")) {
      d.item = d.base;
      d.buffers.clear();
      d.error = {};
    }
    ImGui::SameLine();
    ImGui::TextDisabled("Unsaved edit: fix it or revert.");
  }
  if constexpr (std::is_same_v<T, MeetingSeries>) {
    if (draw_recurrence(d.item, d.buffers) && !(d.item == d.base)) commit(ctx, d);
    draw_occurrences(ctx, current);
  }
  ImGui::Spacing();
  ImGui::Separator();
  if (ImGui::Button("Delete")) {
    ctx.queue.push(Delete<T>{current.id});
    ctx.view.selection = {};
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete (Del). Undo brings it back.");
}

}  // namespace

void Inspector::draw(PanelContext& ctx) {
  const Engagement& e = ctx.engagement;
  Id id = ctx.view.selection.id;
  if (id == kNoId) {
    ImGui::TextDisabled("Select an item in a table or on the timeline to see and edit it here.");
    return;
  }
  bool found = false;
  for_each_table(e, [&](const auto& table) {
    if (found) return;
    if (const auto* item = table.find(id)) {
      found = true;
      draw_item(ctx, *state_, *item);
    }
  });
  if (!found) {
    ctx.view.selection = {};
    ImGui::TextDisabled("The selected item no longer exists.");
  }
}

}  // namespace rapport::app
