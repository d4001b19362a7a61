// People checks: gaps in the communication plan (no primary contact or no
// backup on a side, no promised response time, a high-influence stakeholder
// reachable through no channel) and the expectations register (unconfirmed
// too long, will not be met without an explanation).
#include <fmt/format.h>

#include <unordered_set>

#include "health_checks.hpp"

namespace rapport::health {

// [SECTION] Communication plan ------------------------------------------------

void check_channels(Context& c) {
  std::unordered_set<Id> reachable;
  auto present = [&](Id id) { return id != kNoId && c.e.stakeholders.contains(id); };
  for (const auto& [id, ch] : c.e.channels) {
    for (Id p : {ch.client_primary, ch.client_backup, ch.provider_primary, ch.provider_backup})
      if (p != kNoId) reachable.insert(p);
    std::string name = name_of(ch);
    for (Side side : {Side::Client, Side::Provider}) {
      bool client = side == Side::Client;
      Id primary = client ? ch.client_primary : ch.provider_primary;
      Id backup = client ? ch.client_backup : ch.provider_backup;
      const char* who = client ? "client" : "provider";
      // No open points for channels: who answers and how fast is the
      // communication plan's housekeeping, settled by the provider with the
      // client (like a client task's owner), not an open point of the work.
      if (!present(primary)) {
        c.add(Severity::Warning, kCheckNoPrimary, id, c.as_of,
              fmt::format("Channel “{}” has no primary contact on the {} side", name, who),
              client ? "Ask the client who answers on this channel"
                     : "Name who answers on this channel for us",
              !client);
      } else if (!present(backup)) {
        c.add(Severity::Info, kCheckNoBackup, id, c.as_of,
              fmt::format("Channel “{}” has no backup on the {} side (primary: {})", name, who,
                          person(c.e, primary)),
              client ? "Ask the client who stands in when " + person(c.e, primary) + " is away"
                     : "Name who stands in for " + person(c.e, primary),
              !client);
      }
    }
    if (ch.response_time_hours <= 0)
      c.add(Severity::Info, kCheckNoResponseTime, id, c.as_of,
            fmt::format("Channel “{}” has no promised response time", name),
            "Agree with the client how fast each side answers on it", false);
  }
  for (const auto& [id, s] : c.e.stakeholders) {
    if (s.influence != Level::High || reachable.count(id)) continue;
    // No open point: internal (the provider's reading of influence).
    c.add(Severity::Warning, kCheckStakeholderNoChannel, id, c.as_of,
          fmt::format("{} ({}, high influence) is no primary or backup contact on any channel",
                      name_of(s), to_string(s.side)),
          "Add them to the communication plan, on the channel they prefer", true);
  }
}

// [SECTION] Expectations ------------------------------------------------------

void check_expectations(Context& c) {
  const int limit = std::max(0, c.s.expectation_unconfirmed_days);
  for (const auto& [id, x] : c.e.expectations) {
    if (x.status == ExpectationStatus::Unconfirmed) {
      int age = c.as_of.days - x.raised_on.days;
      if (age > limit) {
        // Open point (stated expectations only; inferred ones are internal):
        // the expectation in the client's words, to confirm together.
        Finding& f =
            c.add(Severity::Warning, kCheckExpectationUnconfirmed, id, x.raised_on,
                  fmt::format("Expectation “{}” ({}{}) has been unconfirmed for {}", name_of(x),
                              x.stated ? "stated by " : "inferred, from ", person(c.e, x.source),
                              count_of(age, "day")),
                  "Confirm it with the client, or say plainly that it will not be met and why",
                  !x.stated);
        set_open_point(f, quoted(name_of(x)) + ": to confirm together");
      }
    } else if (x.status == ExpectationStatus::WillNotBeMet && blank(x.explanation)) {
      // No open point: internal (an explanation the provider owes).
      c.add(Severity::Problem, kCheckExpectationUnexplained, id, x.raised_on,
            fmt::format(
                "Expectation “{}” will not be met and no explanation to the client is recorded",
                name_of(x)),
            "Tell the client why, and what they can expect instead; record what you told them",
            true);
    }
  }
}

}  // namespace rapport::health
