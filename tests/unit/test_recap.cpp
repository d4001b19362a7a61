// Recaps that travel (recap.hpp): a held meeting's recap as an e-mail draft
// and as Markdown, client-safe, with headers nothing typed can break.
#include <catch2/catch.hpp>

#include "rapport/demo.hpp"
#include "rapport/fields.hpp"
#include "rapport/recap.hpp"

using namespace rapport;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }
const Date kToday = d(2026, 11, 24);

// The demo's weekly check-in and the original date of its held occurrence whose
// recap starts with `summary`.
std::pair<Id, Date> held(const Engagement& e, const std::string& summary) {
  for (const auto& [id, s] : e.meetings)
    for (const auto& [date, o] : s.overrides)
      if (o.recap_summary.rfind(summary, 0) == 0) return {id, date};
  FAIL("no held occurrence with recap " << summary);
  return {};
}

std::string decode_base64(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    int v = value(c);
    if (v < 0) continue;
    bits = (bits << 6) | uint32_t(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += char((bits >> count) & 0xFF);
    }
  }
  return out;
}

// The decoded body of the part with `type` in an .eml.
std::string part(const std::string& eml, const std::string& type) {
  size_t at = eml.find("Content-Type: " + type);
  REQUIRE(at != std::string::npos);
  size_t body = eml.find("\r\n\r\n", at);
  size_t end = eml.find("\r\n--", body);
  return decode_base64(eml.substr(body + 4, end - body - 4));
}
}  // namespace

TEST_CASE("base64 matches the RFC 4648 test vectors", "[recap]") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foob") == "Zm9vYg==");
  CHECK(base64("fooba") == "Zm9vYmE=");
  CHECK(base64("foobar") == "Zm9vYmFy");
  std::string long_text(200, 'x');
  std::string wrapped = base64(long_text);
  CHECK(wrapped.find("\r\n") == 76);
  CHECK(decode_base64(wrapped) == long_text);
}

TEST_CASE("a held meeting's recap names what was said, agreed and needed next", "[recap]") {
  Engagement e = make_demo();
  auto [series, date] = held(e, "Homepage direction");
  auto recap = meeting_recap(e, series, date);
  REQUIRE(recap);
  CHECK(recap->meeting == "Weekly check-in");
  CHECK(recap->summary == "Homepage direction approved in principle.");
  REQUIRE(recap->agreed.size() == 1);
  CHECK(recap->agreed[0] == "Eva finalises the menu page.");
  CHECK(recap->subject().rfind("Recap: Weekly check-in, ", 0) == 0);
  CHECK_FALSE(recap->next_meeting.empty());
  CHECK_FALSE(recap->to.empty());
  for (const Recipient& r : recap->to) CHECK(r.address.find('@') != std::string::npos);
  // As of the day it was held (12 Nov): the two tasks open then, neither overdue
  // yet; the homepage approval was only asked for on 13 Nov.
  REQUIRE(recap->needed.size() == 2);
  CHECK(recap->needed[0].rfind("Final Finnish copy for the menu pages — Sanna", 0) == 0);
  CHECK(recap->needed[1].rfind("POS API test credentials — Jukka", 0) == 0);
  for (const std::string& n : recap->needed) CHECK(n.find("(overdue)") == std::string::npos);
  // Jukka owns a task in the recap but was not there: with an e-mail address
  // he receives it too (the demo has only his phone number).
  auto receives_jukka = [&](const MeetingRecap& m) {
    for (const Recipient& r : m.to)
      if (r.name == "Jukka Heikkinen") return true;
    return false;
  };
  CHECK_FALSE(receives_jukka(*recap));
  for (auto& [id, p] : e.stakeholders.items)
    if (p.name == "Jukka Heikkinen") p.contact = "jukka@kahvila-aalto.fi";
  auto with_address = meeting_recap(e, series, date);
  REQUIRE(with_address);
  CHECK(receives_jukka(*with_address));
  CHECK(recap->next_meeting.find("(Europe/Amsterdam)") != std::string::npos);
  std::string md = recap_markdown(*recap);
  CHECK(md.find("### What we agreed") != std::string::npos);
  CHECK(md.find("Eva finalises the menu page") != std::string::npos);
}

TEST_CASE("only a held occurrence of an existing series has a recap", "[recap]") {
  Engagement e = make_demo();
  auto [series, date] = held(e, "Homepage direction");
  CHECK_FALSE(meeting_recap(e, series + 1000, date));
  CHECK_FALSE(meeting_recap(e, series, date.plus_days(1)));  // no occurrence that day
  e.meetings.find(series)->overrides[date].state = OccurrenceState::Cancelled;
  CHECK_FALSE(meeting_recap(e, series, date));
}

TEST_CASE("the recap e-mail is a draft with both parts, CRLF lines and encoded names", "[recap]") {
  Engagement e = make_demo();
  auto [series, date] = held(e, "Homepage direction");
  auto recap = meeting_recap(e, series, date);
  REQUIRE(recap);
  std::string eml = recap_eml(*recap, Instant{29390400});  // 2025-11-18 00:00 UTC
  CHECK(eml.rfind("X-Unsent: 1\r\n", 0) == 0);
  CHECK(eml.find("\r\nDate: Tue, 18 Nov 2025 00:00:00 +0000\r\n") != std::string::npos);
  for (size_t i = 0; i < eml.size(); ++i)
    if (eml[i] == '\n') REQUIRE((i > 0 && eml[i - 1] == '\r'));
  // Non-ASCII names travel as RFC 2047 encoded words; ASCII ones quoted.
  CHECK(eml.find("=?UTF-8?B?") != std::string::npos);
  CHECK(eml.find("\"Aino Mäkelä\"") == std::string::npos);
  CHECK(part(eml, "text/plain") == [&] {
    std::string text = recap_text(*recap), out;
    for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
  }());
  std::string html = part(eml, "text/html");
  CHECK(html.find("<li>Eva finalises the menu page.</li>") != std::string::npos);
}

TEST_CASE("nothing typed can add a header or reach the client from an internal field", "[recap]") {
  Engagement e = make_demo();
  auto [series, date] = held(e, "Homepage direction");
  // An attendee whose name tries to add a header, and one whose contact is no address.
  MeetingSeries& s = *e.meetings.find(series);
  Stakeholder eve{e.next_id++, Side::Client, "Eve\r\nBcc: all@example.com", "", "eve@example.com"};
  Stakeholder phone{e.next_id++, Side::Client, "Pekka", "", "+358 40 123 4567"};
  e.stakeholders.items.emplace(eve.id, eve);
  e.stakeholders.items.emplace(phone.id, phone);
  s.attendees.push_back(eve.id);
  s.attendees.push_back(phone.id);
  e.info.internal_notes = "SECRET-margin is thin on this one";
  auto recap = meeting_recap(e, series, date);
  REQUIRE(recap);
  std::string eml = recap_eml(*recap, Instant{0});
  CHECK(eml.find("\r\nBcc:") == std::string::npos);
  CHECK(eml.find("+358") == std::string::npos);
  std::string all = eml + part(eml, "text/plain") + part(eml, "text/html") + recap_markdown(*recap);
  for (const std::string& secret : internal_texts(e)) {
    INFO("internal text in the recap: " << secret);
    CHECK(all.find(secret) == std::string::npos);
  }
}

TEST_CASE("agreed actions keep their text whole whatever they start with", "[recap]") {
  Engagement e = make_demo();
  auto [series, date] = held(e, "Homepage direction");
  e.meetings.find(series)->overrides[date].agreed_actions =
      "- €600 for an extra round, agreed\n"
      "• “Menu” page first\n"
      "* —dash kept\n"
      "-5% discount on the next phase\n"
      "   \n";
  auto recap = meeting_recap(e, series, date);
  REQUIRE(recap);
  REQUIRE(recap->agreed.size() == 4);
  CHECK(recap->agreed[0] == "€600 for an extra round, agreed");
  CHECK(recap->agreed[1] == "“Menu” page first");
  CHECK(recap->agreed[2] == "—dash kept");
  CHECK(recap->agreed[3] == "-5% discount on the next phase");
}

TEST_CASE("long or unbroken header text is folded into short encoded words", "[recap]") {
  Engagement e = make_demo();
  auto [series, date] = held(e, "Homepage direction");
  e.meetings.find(series)->title = std::string(900, 'W');
  for (auto& [id, p] : e.stakeholders.items)
    if (p.name == "Aino Mäkelä") p.name = std::string(60, '\x80');  // continuation bytes only
  auto recap = meeting_recap(e, series, date);
  REQUIRE(recap);
  std::string eml = recap_eml(*recap, Instant{0});
  size_t start = 0, longest = 0;
  while (start < eml.size()) {
    size_t end = eml.find("\r\n", start);
    if (end == std::string::npos) end = eml.size();
    longest = std::max(longest, end - start);
    start = end + 2;
  }
  CHECK(longest <= 78);
  CHECK(eml.find("Subject: =?UTF-8?B?") != std::string::npos);
}

TEST_CASE("a recap is found by the series' title and the date planned or moved to", "[recap]") {
  Engagement e = make_demo();
  auto [series, date] = held(e, "Homepage direction");
  const OccurrenceOverride& o = e.meetings.find(series)->overrides[date];
  REQUIRE(meeting_was_held(e, series, date));
  CHECK_FALSE(meeting_was_held(e, series, date.plus_days(1)));  // no occurrence that day
  auto by_original = find_meeting_recap(e, "Weekly check-in", date);
  REQUIRE(by_original);
  CHECK(by_original->summary == o.recap_summary);
  if (o.moved_to) {
    auto by_moved = find_meeting_recap(e, "Weekly check-in", o.moved_to->date);
    REQUIRE(by_moved);
    CHECK(by_moved->held_on == o.moved_to->date);
  }
  CHECK_FALSE(find_meeting_recap(e, "Weekly check", date));
  CHECK_FALSE(find_meeting_recap(e, "Weekly check-in", date.plus_days(1)));
}
