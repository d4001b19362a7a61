// What a new engagement and a new item look like when the user presses "Add": valid as it stands
// (so it can be added at once and edited in place), dated around today.
#pragma once

#include "rapport/model.hpp"

namespace rapport {

template <class T>
T default_item(const Engagement& e, Date today);

// File ▸ New: "New engagement", starting today and running 90 days, empty.
Engagement default_engagement(Date today);

}  // namespace rapport
