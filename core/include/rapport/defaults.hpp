// What a new engagement and a new item look like when the user presses "Add": valid as it stands
// (so it can be added at once and edited in place), dated around today.
#pragma once

#include <string>

#include "rapport/model.hpp"

namespace rapport {

template <class T>
T default_item(const Engagement& e, Date today);

// This machine's time zone as an IANA name, for a new engagement: $TZ when it
// names a known zone, else the system's (/etc/localtime), else "UTC".
std::string local_time_zone();

// File ▸ New: "New engagement" in `time_zone` (the user's own: local_time_zone()),
// starting today and running 90 days, empty.
Engagement default_engagement(Date today, std::string time_zone = "UTC");

}  // namespace rapport
