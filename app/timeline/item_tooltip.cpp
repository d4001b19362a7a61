#include "timeline/item_tooltip.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstdlib>

#include "rapport/fields.hpp"
#include "rapport/recurrence.hpp"

namespace rapport::app {
namespace {

void muted(const char* text) { ImGui::TextDisabled("%s", text); }

void title(const std::string& t) {
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
  ImGui::TextUnformatted(t.c_str());
  ImGui::PopTextWrapPos();
}

void wrapped(const char* label, const std::string& text) {
  if (text.empty()) return;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
  ImGui::TextWrapped("%s: %s", label, text.c_str());
  ImGui::PopTextWrapPos();
}

std::string when(Instant t, const std::string& zone) {
  LocalDateTime l = to_local(t, zone);
  return date_text(l.date) + ", " + l.time.hhmm();
}

void meeting(const Engagement& e, const TimelineItem& it) {
  const MeetingSeries* s = e.meetings.find(it.id);
  if (!s) return;
  const std::string& zone = series_zone(*s, e.info);
  title(s->title);
  ImGui::Text("%s – %s", when(it.at, zone).c_str(), to_local(it.at_end, zone).time.hhmm().c_str());
  if (zone != e.info.time_zone) ImGui::TextDisabled("(%s)", zone.c_str());
  ImGui::Text("Status: %s", to_string(OccurrenceState(it.state)));
  if (it.flags & kMoved) ImGui::Text("Moved from %s", when(it.ghost, zone).c_str());
  auto o = s->overrides.find(it.date);
  if (o != s->overrides.end()) {
    const OccurrenceOverride& v = o->second;
    if (v.state == OccurrenceState::Held) {
      if (it.flags & kMissingRecap)
        ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.1f, 1), "Held without a recap");
      wrapped("Recap", v.recap_summary);
      wrapped("Agreed actions", v.agreed_actions);
    }
    if (v.state == OccurrenceState::Cancelled) {
      ImGui::Text("Cancelled by the %s", v.cancelled_by == Side::Client ? "client" : "provider");
      wrapped("Reason", v.cancel_reason);
    }
  }
  if (!s->purpose.empty()) wrapped("Purpose", s->purpose);
}

void milestone(const Engagement& e, const TimelineItem& it) {
  const Milestone* m = e.milestones.find(it.id);
  if (!m) return;
  title(m->title);
  ImGui::Text("Current: %s", date_text(m->current).c_str());
  int drift = m->current.days - m->baseline.days;
  if (drift != 0) {
    ImGui::Text("Baseline: %s (%+d days)", date_text(m->baseline).c_str(), drift);
  } else {
    ImGui::Text("On its baseline date");
  }
  ImGui::Text("Status: %s", to_string(m->status));
  wrapped("Description", m->description);
  for (const auto& [cid, c] : e.change_requests) {
    if (c.status != ChangeStatus::Approved) continue;
    for (const MilestoneImpact& imp : c.impacts) {
      if (imp.milestone == m->id) ImGui::Text("Moved %+d days by “%s”", imp.days, c.title.c_str());
    }
  }
}

void boundary(const Engagement& e, const TimelineItem& it) {
  const Boundary* b = e.boundaries.find(it.id);
  if (!b) return;
  title(b->title);
  ImGui::Text("%s: %s – %s", to_string(b->kind), date_text(b->from).c_str(),
              date_text(b->to).c_str());
  wrapped("Description", b->description);
}

void change(const Engagement& e, const TimelineItem& it) {
  const ChangeRequest* c = e.change_requests.find(it.id);
  if (!c) return;
  title(c->title);
  ImGui::Text("Requested %s", date_text(c->requested_on).c_str());
  if (c->requested_by) ImGui::Text("By %s", display_name(e, c->requested_by).c_str());
  ImGui::Text("Status: %s", to_string(c->status));
  if (c->decided_on) ImGui::Text("Decided %s", date_text(*c->decided_on).c_str());
  for (const MilestoneImpact& imp : c->impacts) {
    ImGui::BulletText("%s %+d days", display_name(e, imp.milestone).c_str(), imp.days);
  }
  if (c->cost_minor) ImGui::Text("Cost: %s", money_text(c->cost_minor, e.info.currency).c_str());
  if (c->effort_hours) ImGui::Text("Effort: %d hours", c->effort_hours);
  wrapped("Description", c->description);
  wrapped("Rationale", c->rationale);
  wrapped("Alternative offered", c->alternative);
  wrapped("Internal notes", c->internal_notes);  // empty in the client's copy
}

void task(const Engagement& e, const TimelineItem& it, Date today) {
  const ClientTask* t = e.client_tasks.find(it.id);
  if (!t) return;
  title(t->title);
  if (t->owner) ImGui::Text("Owner: %s", display_name(e, t->owner).c_str());
  ImGui::Text("%s → due %s", date_text(t->created_on).c_str(), date_text(t->due).c_str());
  ImGui::Text("Status: %s", to_string(t->status));
  if (it.flags & kOverdue) {
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "Overdue by %d days",
                       today.days - t->due.days);
  }
  if (t->milestone) ImGui::Text("Waited on by %s", display_name(e, t->milestone).c_str());
}

}  // namespace

void item_tooltip(const Engagement& e, const TimelineIndex&, const TimelineLane& lane,
                  const TimelineItem& it, bool read_only, Date today) {
  switch (lane.kind) {
    case LaneKind::Meeting:
      meeting(e, it);
      break;
    case LaneKind::Milestones:
      milestone(e, it);
      break;
    case LaneKind::Boundaries:
      boundary(e, it);
      break;
    case LaneKind::ChangeRequests:
      change(e, it);
      break;
    case LaneKind::ClientTasks:
      task(e, it, today);
      break;
  }
  if (read_only) return;  // the client view's timeline: no gestures to teach
  ImGui::Separator();
  bool movable = lane.kind == LaneKind::Meeting || lane.kind == LaneKind::Milestones;
  muted(movable ? "Click to select, drag to move, right-click for more"
                : "Click to select, right-click for more");
}

}  // namespace rapport::app
