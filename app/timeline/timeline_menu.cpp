// The timeline's context menu (right-click) and the small popups it opens: a reason
// for cancelling a meeting, a rationale and an alternative for rejecting a change
// request (a reasoned "no", as the product asks). Each choice pushes one command.
#include <imgui.h>

#include <cstring>

#include "rapport/model.hpp"
#include "timeline/item_tooltip.hpp"
#include "timeline/timeline_view.hpp"

namespace rapport::app {
namespace {

const char* kItemMenu = "##timeline_item_menu";
const char* kLaneMenu = "##timeline_lane_menu";

const char* kind_noun(LaneKind k) {
  switch (k) {
    case LaneKind::Meeting:
      return "meeting";
    case LaneKind::Milestones:
      return "milestone";
    case LaneKind::Boundaries:
      return "blackout";
    case LaneKind::ChangeRequests:
      return "change request";
    case LaneKind::ClientTasks:
      return "client task";
  }
  return "item";
}

}  // namespace

void TimelineView::draw_popups(const Engagement& e, const TimelineIndex& index, ViewState& view,
                               CommandSink& commands, Date today) {
  if (open_item_menu_) ImGui::OpenPopup(kItemMenu);
  if (open_lane_menu_) ImGui::OpenPopup(kLaneMenu);
  open_item_menu_ = open_lane_menu_ = false;
  const Target& t = menu_target_;

  if (ImGui::BeginPopup(kItemMenu)) {
    ImGui::TextDisabled("%s", display_name(e, t.id).c_str());
    ImGui::Separator();
    if (ImGui::MenuItem("Edit")) {
      view.selection =
          t.kind == LaneKind::Meeting ? Selection{t.id, t.date} : Selection{t.id, std::nullopt};
    }
    switch (t.kind) {
      case LaneKind::Meeting: {
        const MeetingSeries* s = e.meetings.find(t.id);
        if (!s) break;
        OccurrenceOverride value;
        if (auto o = s->overrides.find(t.date); o != s->overrides.end()) value = o->second;
        if (ImGui::MenuItem("Mark held", nullptr, false, value.state != OccurrenceState::Held)) {
          value.state = OccurrenceState::Held;
          commands.push(SetOccurrence{t.id, t.date, value});
        }
        if (ImGui::MenuItem("Mark cancelled…", nullptr, false,
                            value.state != OccurrenceState::Cancelled))
          cancel_.open(t.id, t.date);
        if (ImGui::MenuItem("Mark planned", nullptr, false,
                            value.state != OccurrenceState::Planned)) {
          value.state = OccurrenceState::Planned;
          commands.push(SetOccurrence{t.id, t.date, value});
        }
        if (value.moved_to && ImGui::MenuItem("Back to its planned time")) {
          value.moved_to.reset();
          commands.push(SetOccurrence{t.id, t.date, value});
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Delete the whole series")) commands.push(Delete<MeetingSeries>{t.id});
        break;
      }
      case LaneKind::Milestones: {
        const Milestone* m = e.milestones.find(t.id);
        if (m && m->current != m->baseline &&
            ImGui::MenuItem(("Back to baseline (" + date_text(m->baseline) + ")").c_str())) {
          commands.push(MoveMilestone{t.id, m->baseline});
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Delete")) commands.push(Delete<Milestone>{t.id});
        break;
      }
      case LaneKind::Boundaries:
        ImGui::Separator();
        if (ImGui::MenuItem("Delete")) commands.push(Delete<Boundary>{t.id});
        break;
      case LaneKind::ChangeRequests: {
        const ChangeRequest* c = e.change_requests.find(t.id);
        if (!c) break;
        if (ImGui::MenuItem("Approve", nullptr, false, c->status != ChangeStatus::Approved))
          decision_.decide(e, commands, *c, ChangeStatus::Approved, today);
        if (ImGui::MenuItem("Reject…", nullptr, false, c->status != ChangeStatus::Rejected))
          decision_.open_reject(*c);
        if (ImGui::MenuItem("Defer", nullptr, false, c->status != ChangeStatus::Deferred))
          decision_.decide(e, commands, *c, ChangeStatus::Deferred, today);
        ImGui::Separator();
        if (ImGui::MenuItem("Delete")) commands.push(Delete<ChangeRequest>{t.id});
        break;
      }
      case LaneKind::ClientTasks: {
        const ClientTask* task = e.client_tasks.find(t.id);
        if (task && task->status != TaskStatus::Done && ImGui::MenuItem("Mark done")) {
          ClientTask done = *task;
          done.status = TaskStatus::Done;
          done.done_on = today;
          commands.push(Update<ClientTask>{done});
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Delete")) commands.push(Delete<ClientTask>{t.id});
        break;
      }
    }
    ImGui::EndPopup();
  }

  if (ImGui::BeginPopup(kLaneMenu)) {
    std::string label = std::string("Add a ") + kind_noun(t.kind) + " on " + date_text(t.date);
    if (ImGui::MenuItem(label.c_str())) add_at(e, index, t.lane, t.minute, commands, view, today);
    if (ImGui::MenuItem("Fit the engagement", "F")) fit(index);
    if (ImGui::MenuItem("Go to today", "T")) go_to_today(today);
    ImGui::EndPopup();
  }

  cancel_.draw(e, commands);
  decision_.draw_reject_dialog(e, commands, today);
}

}  // namespace rapport::app
