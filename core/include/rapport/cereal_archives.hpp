// The one way Rapport includes cereal. Include this header, never a cereal
// archive header directly.
//
// Why: Debian's cereal uses the system rapidjson. cereal's json.hpp makes
// RAPIDJSON_ASSERT throw (instead of abort, or silently misread in NDEBUG
// builds) only if no rapidjson header was included before it. So the JSON
// archive comes first, before anything that might pull in rapidjson.
// (See ../shared/CEREAL.md and the "wrong JSON types throw" test in test_io.)
#pragma once

#include <cereal/archives/json.hpp>  // must stay first
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>

#include "rapport/bounded_binary_archive.hpp"

#ifndef RAPIDJSON_ASSERT_THROWS
#error "rapidjson was included before cereal's JSON archive: bad JSON would abort"
#endif
