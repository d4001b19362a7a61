// Finding the demo's items by what a person reads on screen (a title, a
// name), so tests say "Beta" rather than an id. A missing item fails the test
// where it is asked for.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "rapport/model.hpp"

namespace rapport::test {

// The item of kind T whose title is `title`.
template <class T>
Id titled(const Engagement& e, const std::string& title) {
  for (const auto& [id, x] : KindOf<T>::table(e))
    if (x.title == title) return id;
  FAIL("no " << to_string(KindOf<T>::kind) << " titled " << title);
  return kNoId;
}

}  // namespace rapport::test
