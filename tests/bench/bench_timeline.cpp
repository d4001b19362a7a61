// Rows for the timeline: building the index, following a one-item edit (a
// milestone moved: TimelineIndex::update against a full build; a client task
// moved across the span, deleted, added back and moved at random; a milestone
// deleted and added back), and the CPU time of one timeline
// frame (ImGui NewFrame to Render, no GL) zoomed to fit and to one month, for synthetic engagements
// of 1k to 1M items, and the vertices and draw calls that frame hands the renderer. Targets:
// < 2 ms at 100k fit, < 0.5 ms at one month, < 8 ms at 1M fit; vertices per fitted frame within
// 2x from 1k to 1M items (bounded by the canvas, not by the items).
#include "bench.hpp"
#include "rapport/demo.hpp"
#include "rapport/history.hpp"
#include "rapport/timeline_index.hpp"

#ifdef RAPPORT_BENCH_UI
#include <imgui.h>

#include "timeline/timeline_view.hpp"
#endif

using namespace rapport;
using rapport::bench::median_ms;
using rapport::bench::row;
using rapport::bench::size_label;

#ifdef RAPPORT_BENCH_UI
namespace {

// One timeline frame in a headless ImGui context the size of a laptop screen.
class TimelineFrameBench {
 public:
  TimelineFrameBench() {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 900);
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as the OpenGL 3 backend
    io.DeltaTime = 1.0f / 60.0f;
    ImFontConfig font;
    font.SizePixels = 16.0f;
    io.Fonts->AddFontDefault(&font);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.MousePos = ImVec2(-1, -1);
  }
  ~TimelineFrameBench() { ImGui::DestroyContext(context_); }

  void frame(app::TimelineView& view, const Engagement& e, const TimelineIndex& index, Date today) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Timeline", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    view.draw(e, index, state_, queue_, today);
    ImGui::End();
    ImGui::Render();
  }
  // What the last frame handed the renderer.
  static size_t vertices() { return size_t(ImGui::GetDrawData()->TotalVtxCount); }
  static size_t draw_calls() {
    size_t n = 0;
    const ImDrawData* d = ImGui::GetDrawData();
    for (int i = 0; i < d->CmdListsCount; ++i) n += size_t(d->CmdLists[i]->CmdBuffer.Size);
    return n;
  }

 private:
  ImGuiContext* context_ = nullptr;
  app::ViewState state_;
  Document doc_;  // commands a frame might submit are never applied here
  app::CommandSink queue_{doc_};
};

}  // namespace
#endif

void bench_timeline_rows(bool quick) {
  std::vector<size_t> sizes =
      quick ? std::vector<size_t>{1000, 10000} : std::vector<size_t>{1000, 10000, 100000, 1000000};
  for (size_t n : sizes) {
    const char* label = size_label(n);
    Engagement e = generate_engagement(n, 1);
    Date today = e.info.start.plus_days((e.info.end.days - e.info.start.days) / 2);
    TimelineIndex index;
    row("timeline index build", label,
        median_ms(quick || n >= 1000000 ? 1 : 3, [&] { index = TimelineIndex::build(e, today); }),
        "ms");
    {
      // A milestone in the middle moved three days later, then back: the index
      // follows each move (update), or is built again (what every edit cost).
      Engagement edited = e;
      History h;
      const Id id =
          std::next(edited.milestones.begin(), std::ptrdiff_t(edited.milestones.size() / 2))->first;
      TimelineIndex followed = index;
      const int runs = quick ? 5 : n >= 1000000 ? 9 : 21;
      std::vector<double> update_ms, build_ms;
      bool same = true;
      for (int i = 0; i < runs; ++i) {
        const Date to = edited.milestones.find(id)->current.plus_days(i % 2 == 0 ? 3 : -3);
        h.apply(edited, MoveMilestone{id, to});
        TimelineChanges changes;
        changes.note(h.last_edits());
        update_ms.push_back(median_ms(1, [&] { followed.update(edited, changes); }));
        if (i < 3 || (!quick && n < 1000000)) {
          TimelineIndex built;
          build_ms.push_back(median_ms(1, [&] { built = TimelineIndex::build(edited, today); }));
          if (i == 0 && !(built == followed)) same = false;
        }
      }
      std::sort(update_ms.begin(), update_ms.end());
      std::sort(build_ms.begin(), build_ms.end());
      row("index: one-item edit, incremental", label, update_ms[update_ms.size() / 2], "ms");
      row("index: one-item edit, full rebuild", label, build_ms[build_ms.size() / 2], "ms");
      if (!same) std::printf("  (the followed index differs from a build: a bug)\n");

      // The costly kind of one-item edit: a client task (the largest lane)
      // moved across two fifths of the span and back, so the items between
      // shift and are packed again (inside the span, so the meeting window
      // stays and no build is needed).
      const int32_t span = e.info.end.days - e.info.start.days;
      const int32_t far = span * 2 / 5;
      ClientTask task;
      for (const auto& [tid, t] : edited.client_tasks)
        if (!t.done_on && t.created_on.days - e.info.start.days < span / 5) {
          task = t;
          break;
        }
      update_ms.clear();
      for (int i = 0; i < runs; ++i) {
        const int32_t by = i % 2 == 0 ? far : -far;
        task.created_on = task.created_on.plus_days(by);
        task.due = task.due.plus_days(by);
        if (auto error = h.apply(edited, Update<ClientTask>{task}))
          std::printf("  (the task could not move: %s)\n", error->message.c_str());
        TimelineChanges changes;
        changes.note(h.last_edits());
        update_ms.push_back(median_ms(1, [&] { followed.update(edited, changes); }));
      }
      std::sort(update_ms.begin(), update_ms.end());
      row("index: one-item edit across the span, incr.", label, update_ms[update_ms.size() / 2],
          "ms");

      // The lane's first task deleted and brought back (undo): every item of
      // the largest lane after it shifts by one place.
      const Id first =
          followed.lanes()[size_t(followed.lane_of(LaneKind::ClientTasks))].items.front().id;
      std::vector<double> add_ms;
      update_ms.clear();
      for (int i = 0; i < runs; ++i) {
        h.apply(edited, Delete<ClientTask>{first});
        TimelineChanges gone;
        gone.note(h.last_edits());
        update_ms.push_back(median_ms(1, [&] { followed.update(edited, gone); }));
        h.undo(edited);
        TimelineChanges back;
        back.note(h.last_edits());
        add_ms.push_back(median_ms(1, [&] { followed.update(edited, back); }));
      }
      std::sort(update_ms.begin(), update_ms.end());
      std::sort(add_ms.begin(), add_ms.end());
      row("index: delete in the largest lane, incr.", label, update_ms[update_ms.size() / 2], "ms");
      row("index: add in the largest lane, incr.", label, add_ms[add_ms.size() / 2], "ms");

      // Tasks picked at random moved to random days of the span (keeping
      // their length; none of them the one that ends the span, so no build):
      // the slowest of these edits, each timed moved, moved back (undo) and
      // moved again (redo), the median of the three.
      uint64_t seed = 0x9E3779B97F4A7C15ull;
      auto next = [&](uint64_t bound) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        return (seed >> 33) % bound;
      };
      std::vector<Id> movable;
      for (const auto& [tid, t] : edited.client_tasks)
        if (t.due.days + 40 < e.info.end.days) movable.push_back(tid);
      auto follow = [&] {
        TimelineChanges changes;
        changes.note(h.last_edits());
        bool followed_it = true;
        const double ms = median_ms(1, [&] { followed_it = followed.update(edited, changes); });
        if (!followed_it) std::printf("  (an edit was not followed but built)\n");
        return ms;
      };
      double slowest = 0;
      for (int i = 0; i < (quick ? 5 : 40); ++i) {
        ClientTask t = *edited.client_tasks.find(movable[next(movable.size())]);
        const int32_t length = t.due.days - t.created_on.days;
        t.created_on = e.info.start.plus_days(int32_t(next(uint64_t(span - 40 - length))));
        t.due = t.created_on.plus_days(length);
        h.apply(edited, Update<ClientTask>{t});
        std::vector<double> three{follow()};
        h.undo(edited);
        three.push_back(follow());
        h.redo(edited);
        three.push_back(follow());
        std::sort(three.begin(), three.end());
        slowest = std::max(slowest, three[1]);
      }
      row("index: one-item move at random, slowest", label, slowest, "ms");

      // A milestone deleted and brought back (undo): change requests may
      // show whether they moved milestones differently.
      update_ms.clear();
      for (int i = 0; i < runs; ++i) {
        h.apply(edited, Delete<Milestone>{id});
        update_ms.push_back(follow());
        h.undo(edited);
        update_ms.push_back(follow());
      }
      std::sort(update_ms.begin(), update_ms.end());
      row("index: milestone delete or add back, incr.", label, update_ms[update_ms.size() / 2],
          "ms");
      if (!(followed == TimelineIndex::build(edited, today)))
        std::printf("  (the followed index differs from a build: a bug)\n");
    }
#ifdef RAPPORT_BENCH_UI
    TimelineFrameBench bench;
    app::TimelineView view;
    const int runs = quick ? 10 : 40;
    bench.frame(view, e, index, today);  // the first frame fits the engagement
    bench.frame(view, e, index, today);
    row("timeline frame, fit", label, median_ms(runs, [&] { bench.frame(view, e, index, today); }),
        "ms");
    row("timeline vertices per frame, fit", label, double(TimelineFrameBench::vertices()), "count");
    row("timeline draw calls per frame, fit", label, double(TimelineFrameBench::draw_calls()),
        "count");
    double mid = double(day_start(today, index.time_zone()).minutes);
    view.set_range(mid, mid + 30 * 1440.0);
    bench.frame(view, e, index, today);
    row("timeline frame, one month", label,
        median_ms(runs, [&] { bench.frame(view, e, index, today); }), "ms");
    row("timeline items drawn + merged, one month", label,
        double(view.stats().items_drawn + view.stats().merged_blocks), "count");
    row("timeline vertices per frame, one month", label, double(TimelineFrameBench::vertices()),
        "count");
#endif
  }
}
