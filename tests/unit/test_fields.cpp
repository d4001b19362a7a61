// Field descriptors: cell text, search, and keeping internal fields out of
// client-facing views.
#include <catch2/catch.hpp>

#include "rapport/demo.hpp"
#include "rapport/fields.hpp"

using namespace rapport;

TEST_CASE("every kind describes its fields and every key is unique", "[fields]") {
  Engagement e = make_demo();
  for_each_table(e, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    auto list = fields<T>();
    REQUIRE_FALSE(list.empty());
    for (size_t i = 0; i < list.size(); ++i)
      for (size_t j = 0; j < i; ++j) CHECK(std::string(list[i].key) != list[j].key);
    // Every field of every demo item renders as text without throwing.
    for (const auto& [id, item] : table)
      for (const auto& f : list) (void)field_text(e, item, f);
  });
}

TEST_CASE("cells read as a person would write them", "[fields]") {
  Engagement e = make_demo();
  CHECK(money_text(180000, "EUR") == "€1,800.00");
  CHECK(money_text(-5, "EUR") == "-€0.05");
  CHECK(money_text(123456789, "SEK") == "1,234,567.89 SEK");
  CHECK(weekdays_text(kWorkweek) == "Mon–Fri");
  CHECK(weekdays_text(kMonday | kFriday) == "Mon, Fri");
  for (const auto& [id, t] : e.client_tasks) {
    if (t.title != "POS API test credentials") continue;
    auto list = fields<ClientTask>();
    auto owner = std::find_if(list.begin(), list.end(),
                              [](const auto& f) { return std::string(f.key) == "owner"; });
    CHECK(field_text(e, t, *owner) == "Jukka Heikkinen");
  }
}

TEST_CASE("search finds items by any text, and skips internal fields on request", "[fields]") {
  Engagement e = make_demo();
  auto hits = search(e, "pos api", true);
  REQUIRE_FALSE(hits.empty());
  bool task = std::any_of(hits.begin(), hits.end(),
                          [](const SearchHit& h) { return h.kind == Kind::ClientTask; });
  CHECK(task);
  // "sceptical" is only in Aino's personal notes.
  CHECK(search(e, "sceptical", true).size() == 1);
  CHECK(search(e, "sceptical", false).empty());
  // Recaps of held meetings are searchable.
  CHECK_FALSE(search(e, "Moodboard B", false).empty());
  CHECK(search(e, "   ", true).empty());
}

TEST_CASE("a redacted engagement holds none of the internal texts", "[fields]") {
  Engagement e = make_demo();
  auto secrets = internal_texts(e);
  REQUIRE(secrets.size() >= 5);
  Engagement client_view = redacted(e);
  for (const auto& s : secrets) {
    INFO(s);
    CHECK(search(client_view, s, true).empty());
  }
  CHECK(client_view.info.internal_day_rate_minor == 0);
  // Redacting changes only internal things: names and dates stay.
  CHECK(client_view.stakeholders.size() == e.stakeholders.size());
  CHECK(client_view.milestones.size() == e.milestones.size());
}

#include "rapport/defaults.hpp"
#include "rapport/history.hpp"

TEST_CASE("a new item of every kind can be added as it is", "[fields][defaults]") {
  Engagement e = make_demo();
  History h;
  Date today = Date::from_ymd(2026, 11, 24);
  const Engagement kinds = e;
  for_each_table(kinds, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    auto error = h.apply(e, Add<T>{default_item<T>(e, today)});
    INFO(to_string(KindOf<T>::kind));
    CHECK_FALSE(error);
  });
  CHECK(h.undo_depth() == size_t(kKindCount));
}
