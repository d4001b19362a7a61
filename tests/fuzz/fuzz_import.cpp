// libFuzzer harness for the imports. Built twice (see CMakeLists.txt):
//   fuzz_import_ics      the input is an iCalendar file
//   fuzz_import_planner  the input is a GNOME Planner project
//   fuzz_import_mspdi    the input is an MS Project XML plan (imported with
//                        the defaults, and again with every task as a milestone
//                        or client task, as a user could choose in the preview)
// Each input is imported into an empty engagement and into the demo. Any
// crash, sanitizer report, leak, timeout or oversized allocation is a finding,
// and so is breaking the import's promise: an error must say something, the
// commands must apply as one step, and the engagement they make must save and
// reopen equal in both formats (issue 20: accepted means it saves and reopens).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "rapport/demo.hpp"
#include "rapport/import.hpp"

namespace {

void import_and_round_trip(const rapport::Engagement& base, std::string_view input) {
  std::vector<std::string> warnings;
#if defined(RAPPORT_FUZZ_ICS)
  rapport::ImportResult r = rapport::import_ics(base, input, &warnings);
#elif defined(RAPPORT_FUZZ_MSPDI)
  rapport::ImportResult r = rapport::import_mspdi(base, input, &warnings);
  if (std::holds_alternative<std::vector<rapport::Command>>(r) && !input.empty()) {
    // The preview's other choices must be as safe as the defaults.
    auto plan = rapport::read_mspdi(base, input);
    if (auto* p = std::get_if<rapport::MspdiPlan>(&plan)) {
      for (size_t i = 0; i < p->tasks.size(); ++i)
        p->tasks[i].role = rapport::MspdiRole(1 + (i + uint8_t(input[0])) % 3);
      for (auto& res : p->resources) res.as_stakeholder = true;
      rapport::ImportResult other = rapport::mspdi_commands(base, *p);
      if (auto* err = std::get_if<rapport::ImportError>(&other); err && err->message.empty())
        __builtin_trap();
    }
  }
#else
  rapport::ImportResult r = rapport::import_planner(base, input, &warnings);
#endif
  if (auto* err = std::get_if<rapport::ImportError>(&r)) {
    if (err->message.empty()) __builtin_trap();  // every error must say something
    return;
  }
  rapport::fuzz::applies_and_reopens(base, "Import", std::get<std::vector<rapport::Command>>(r));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const rapport::Engagement empty = rapport::fuzz::empty_engagement();
  static const rapport::Engagement demo = rapport::make_demo();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  import_and_round_trip(empty, input);
  import_and_round_trip(demo, input);
  return 0;
}
