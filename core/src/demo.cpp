// The demo engagement: Studio Noord (a Dutch web agency) relaunches the website
// of Kahvila Aalto Oy (a Finnish café chain). It shows every part of Rapport,
// including what health checks should catch (a recap missing, an overdue
// client task, a drifted milestone).
#include "rapport/demo.hpp"

#include "rapport/ids.hpp"

namespace rapport {
namespace {

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

template <class T>
Id add(Engagement& e, T item) {
  return insert_item(e, std::move(item));
}

}  // namespace

Engagement make_demo() {
  Engagement e;
  e.info.name = "Website relaunch";
  e.info.client_org = "Kahvila Aalto Oy";
  e.info.provider_org = "Studio Noord";
  e.info.time_zone = "Europe/Amsterdam";
  e.info.client_time_zone = "Europe/Helsinki";
  e.info.start = d(2026, 10, 5);
  e.info.end = d(2027, 3, 31);
  e.info.currency = "EUR";
  e.info.vision =
      "“A site that fills our tables on grey Tuesdays – and that our own staff can update.”";
  e.info.internal_notes =
      "Fixed fee is tight: keep change-request pricing firm. Aino decides, Jukka can block.";
  e.info.internal_day_rate_minor = 95000;
  e.info.internal_margin_percent = 22;

  // Discovery: who is who.
  Id aino =
      add(e, Stakeholder{0, Side::Client, "Aino Mäkelä", "Marketing director (sponsor)",
                         "aino.makela@kahvila-aalto.fi", ChannelKind::VideoCall, Level::High,
                         Level::High, "Europe/Helsinki",
                         "Sceptical after the last agency missed a launch; wants bad news early."});
  Id jukka = add(e, Stakeholder{0, Side::Client, "Jukka Heikkinen", "IT lead", "+358 40 123 4567",
                                ChannelKind::Chat, Level::Medium, Level::High, "Europe/Helsinki",
                                "Owns the POS contract; slow to answer e-mail."});
  Id sanna = add(e, Stakeholder{0, Side::Client, "Sanna Järvinen", "Brand manager",
                                "sanna.jarvinen@kahvila-aalto.fi", ChannelKind::Email,
                                Level::Medium, Level::Medium, "Europe/Helsinki", ""});
  Id joost = add(e, Stakeholder{0, Side::Provider, "Joost van den Berg", "Account lead",
                                "joost@studionoord.nl", ChannelKind::VideoCall, Level::High,
                                Level::High, "", ""});
  Id eva =
      add(e, Stakeholder{0, Side::Provider, "Eva de Vries", "Lead designer", "eva@studionoord.nl",
                         ChannelKind::Chat, Level::Medium, Level::High, "", ""});
  Id daan = add(
      e, Stakeholder{0, Side::Provider, "Daan Bakker", "Developer", "daan@studionoord.nl",
                     ChannelKind::Chat, Level::Low, Level::Medium, "", "Part-time in December."});

  Id bookings = add(e, Objective{0,
                                 "Online table bookings live before the spring menu",
                                 ObjectiveHorizon::Immediate,
                                 "30% of bookings made online by April 2027",
                                 {aino, jukka}});
  add(e, Objective{0,
                   "A brand site the café team updates without help",
                   ObjectiveHorizon::LongTerm,
                   "Menus and opening hours changed by staff within a day",
                   {sanna}});

  add(e, Constraint{0, ConstraintKind::Budget, "Fixed fee of €48 000, invoiced in three parts"});
  add(e, Constraint{0, ConstraintKind::Deadline, "The spring menu launches on 15 March 2027"});
  add(e, Constraint{0, ConstraintKind::Technology,
                    "Bookings must go through the existing POS booking API"});
  add(e, Constraint{0, ConstraintKind::Regulatory, "GDPR: booking data stays in the EU"});

  add(e, Question{0, "Who approves copy in Finnish and Swedish?", aino, d(2026, 10, 5),
                  "Sanna approves both; legal reviews the privacy page.", d(2026, 10, 7)});
  add(e, Question{0, "Can the POS vendor give us a test environment before December?", jukka,
                  d(2026, 10, 23), "", std::nullopt});

  // Expectations: stated and inferred, and how they stand.
  add(e, Expectation{0, "A short weekly update call, never more than 30 minutes", aino, true,
                     ExpectationStatus::Confirmed, d(2026, 10, 5), ""});
  add(e, Expectation{0, "Top-3 search ranking for “kahvila Helsinki” within a month of launch",
                     aino, false, ExpectationStatus::WillNotBeMet, d(2026, 10, 5),
                     "Rankings cannot be guaranteed; we deliver technical SEO best practice and a "
                     "content plan."});
  add(e, Expectation{
             0, "Staff can edit menus on launch day", sanna, true, ExpectationStatus::AtRisk,
             d(2026, 10, 12),
             "CMS training moves to the week after launch unless the copy arrives by 4 December."});
  add(e, Expectation{0, "Bookings also work from Instagram", sanna, false,
                     ExpectationStatus::Unconfirmed, d(2026, 11, 6), ""});

  add(e, Responsibility{0, "Final copy and photos for every page", Side::Client, sanna});
  add(e, Responsibility{0, "POS API access and hosting account", Side::Client, jukka});
  add(e, Responsibility{0, "Design, build and launch", Side::Provider, eva});
  add(e, Responsibility{0, "Weekly status and the change log", Side::Provider, joost});

  // Communication plan.
  Id video = add(e, CommunicationChannel{0, ChannelKind::VideoCall, "Weekly check-in and steering",
                                         "weekly", 24, aino, sanna, joost, eva});
  add(e, CommunicationChannel{0, ChannelKind::Email,
                              "Approvals and anything that changes scope or money", "as needed", 48,
                              aino, sanna, joost, daan});
  add(e, CommunicationChannel{0, ChannelKind::Chat, "Quick technical questions", "daily", 4, jukka,
                              kNoId, daan, eva});

  // Milestones: baseline = agreed at kickoff, current = where they stand.
  Id kickoff = add(e, Milestone{0, "Kickoff", d(2026, 10, 5), d(2026, 10, 5), MilestoneStatus::Done,
                                true, "Workshop in Helsinki"});
  Id design = add(
      e, Milestone{0, "Design sign-off", d(2026, 11, 13), d(2026, 11, 20),
                   MilestoneStatus::InProgress, true, "Homepage, menu and booking flow approved"});
  Id beta = add(e, Milestone{0, "Beta", d(2027, 1, 15), d(2027, 1, 22), MilestoneStatus::Planned,
                             true, "Bookings work end to end on the test POS"});
  Id launch = add(e, Milestone{0, "Launch", d(2027, 3, 1), d(2027, 3, 8), MilestoneStatus::Planned,
                               true, "Live a week before the spring menu"});
  (void)kickoff;

  add(e, Deliverable{0, "Design system and page templates", design,
                     "Approved by Sanna in writing; AA contrast"});
  add(e, Deliverable{0, "Booking flow on the test POS", beta,
                     "10 test bookings round-trip without errors"});
  add(e, Deliverable{0, "Live site in Finnish and Swedish", launch,
                     "All pages translated; Lighthouse score ≥ 90"});

  // Meetings.
  MeetingSeries kick;
  kick.title = "Kickoff workshop";
  kick.purpose = "Goals, stakeholders, ways of working";
  kick.attendees = {aino, jukka, sanna, joost, eva};
  kick.first_date = d(2026, 10, 5);
  kick.start = LocalTime{10 * 60};
  kick.duration_minutes = 240;
  kick.time_zone = "Europe/Helsinki";
  kick.recurrence.frequency = Frequency::Once;
  kick.overrides[d(2026, 10, 5)] =
      OccurrenceOverride{OccurrenceState::Held,
                         std::nullopt,
                         {aino, jukka, sanna, joost, eva},
                         "Agreed goals, milestones and the weekly check-in.",
                         "Joost sends the plan by Wednesday; Sanna sends brand assets.",
                         Side::Provider,
                         ""};
  add(e, kick);

  MeetingSeries weekly;
  weekly.title = "Weekly check-in";
  weekly.purpose = "Progress, blockers, what we need from each other";
  weekly.attendees = {aino, sanna, joost, eva};
  weekly.channel = video;
  weekly.first_date = d(2026, 10, 9);
  weekly.start = LocalTime{16 * 60};
  weekly.duration_minutes = 30;
  weekly.recurrence.frequency = Frequency::Weekly;
  weekly.recurrence.weekdays = kFriday;
  weekly.recurrence.until = d(2027, 3, 26);
  auto held = [&](std::string summary, std::string actions) {
    return OccurrenceOverride{OccurrenceState::Held,
                              std::nullopt,
                              {aino, sanna, joost},
                              std::move(summary),
                              std::move(actions),
                              Side::Provider,
                              ""};
  };
  weekly.overrides[d(2026, 10, 9)] = held("Sitemap agreed.", "Eva shares moodboards on Tuesday.");
  weekly.overrides[d(2026, 10, 16)] =
      held("Moodboard B chosen.", "Sanna sends Swedish copy samples.");
  weekly.overrides[d(2026, 10, 23)] =
      held("POS API access still open.", "Jukka chases the POS vendor.");
  OccurrenceOverride cancelled;
  cancelled.state = OccurrenceState::Cancelled;
  cancelled.cancelled_by = Side::Client;
  cancelled.cancel_reason = "Autumn holiday in Finland";
  weekly.overrides[d(2026, 10, 30)] = cancelled;
  weekly.overrides[d(2026, 11, 6)] = held("Design round 2 reviewed; loyalty app request discussed.",
                                          "Joost writes up the change request.");
  OccurrenceOverride moved =
      held("Homepage direction approved in principle.", "Eva finalises the menu page.");
  moved.moved_to = LocalDateTime{d(2026, 11, 12), LocalTime{15 * 60}};
  weekly.overrides[d(2026, 11, 13)] = moved;
  weekly.overrides[d(2026, 11, 20)] = OccurrenceOverride{
      OccurrenceState::Held, std::nullopt, {aino, joost}, "", "", Side::Provider, ""};
  Id weekly_id = add(e, weekly);
  (void)weekly_id;

  MeetingSeries steering;
  steering.title = "Monthly steering";
  steering.purpose = "Budget, scope and change requests";
  steering.attendees = {aino, jukka, joost};
  steering.channel = video;
  steering.first_date = d(2026, 11, 1);
  steering.start = LocalTime{14 * 60};
  steering.duration_minutes = 60;
  steering.recurrence.frequency = Frequency::MonthlyOnWeekday;
  steering.recurrence.week_of_month = 1;
  steering.recurrence.weekday = 2;  // Tuesday
  steering.recurrence.count = 5;
  steering.overrides[d(2026, 11, 3)] =
      held("Swedish booking widget approved.", "Joost updates the plan.");
  add(e, steering);

  // Boundaries.
  add(e, Boundary{0, BoundaryKind::InScope, "Responsive site, booking widget, CMS",
                  "Finnish and Swedish"});
  add(e, Boundary{0, BoundaryKind::OutOfScope, "Mobile app and loyalty programme",
                  "Can be quoted as phase 2"});
  add(e, Boundary{0, BoundaryKind::NotGuaranteed, "Search ranking positions",
                  "We follow best practice; rankings are Google's"});
  Boundary hours{0, BoundaryKind::WorkingHours, "Working hours",
                 "No weekend work; urgent issues by phone"};
  hours.working_days = kWorkweek;
  hours.day_start = LocalTime{9 * 60};
  hours.day_end = LocalTime{17 * 60 + 30};
  add(e, hours);
  Boundary xmas{0, BoundaryKind::Blackout, "Christmas break", "Studio closed"};
  xmas.from = d(2026, 12, 21);
  xmas.to = d(2027, 1, 3);
  add(e, xmas);
  Boundary freeze{0, BoundaryKind::Blackout, "Content freeze before launch",
                  "Only fixes, no new content"};
  freeze.from = d(2027, 2, 26);
  freeze.to = d(2027, 3, 7);
  add(e, freeze);
  Boundary revisions{0, BoundaryKind::Quota, "Design revision rounds", "Further rounds are billed"};
  revisions.included = 2;
  revisions.used = 2;
  revisions.unit = "revision round";
  revisions.extra_rate_minor = 60000;
  add(e, revisions);

  // Change requests: one approved, one rejected with an alternative, one open.
  ChangeRequest swedish;
  swedish.title = "Booking widget in Swedish";
  swedish.description = "Swedish-speaking guests in Turku should book in Swedish.";
  swedish.requested_by = aino;
  swedish.requested_on = d(2026, 10, 23);
  swedish.objective = bookings;
  swedish.impacts = {{beta, 7}, {launch, 7}};
  swedish.cost_minor = 320000;
  swedish.effort_hours = 32;
  swedish.status = ChangeStatus::Approved;
  swedish.decided_on = d(2026, 11, 3);
  swedish.decided_by = aino;
  swedish.rationale = "Serves the booking objective; a week later is acceptable.";
  swedish.internal_notes = "Priced at cost to keep goodwill after the design delay.";
  add(e, swedish);

  ChangeRequest loyalty;
  loyalty.title = "Loyalty app integration before launch";
  loyalty.description = "Show loyalty points on the booking page.";
  loyalty.requested_by = jukka;
  loyalty.requested_on = d(2026, 11, 6);
  loyalty.impacts = {{launch, 30}};
  loyalty.cost_minor = 1450000;
  loyalty.effort_hours = 150;
  loyalty.status = ChangeStatus::Rejected;
  loyalty.decided_on = d(2026, 11, 10);
  loyalty.decided_by = aino;
  loyalty.rationale = "It would push the launch past the spring menu, the goal we agreed on.";
  loyalty.alternative = "Phase 2 right after launch, scoped together in January.";
  loyalty.internal_notes = "Vendor API is undocumented; real effort could double.";
  add(e, loyalty);

  ChangeRequest landing;
  landing.title = "Extra landing page for the spring menu";
  landing.description = "A campaign page with the new menu and a booking button.";
  landing.requested_by = sanna;
  landing.requested_on = d(2026, 11, 18);
  landing.objective = bookings;
  landing.impacts = {{launch, 5}};
  landing.cost_minor = 180000;
  landing.effort_hours = 18;
  add(e, landing);

  // What the client owes.
  add(e, ClientTask{0, "Send brand assets and fonts", sanna, d(2026, 10, 5), d(2026, 10, 16),
                    TaskStatus::Done, d(2026, 10, 15), design});
  add(e, ClientTask{0, "Final Finnish copy for the menu pages", sanna, d(2026, 10, 23),
                    d(2026, 11, 20), TaskStatus::Open, std::nullopt, beta});
  add(e, ClientTask{0, "POS API test credentials", jukka, d(2026, 10, 23), d(2026, 12, 4),
                    TaskStatus::Open, std::nullopt, beta});
  add(e, ClientTask{0, "Approve the homepage design", aino, d(2026, 11, 13), d(2026, 11, 27),
                    TaskStatus::Open, std::nullopt, design});

  add(e, Decision{0,
                  d(2026, 10, 5),
                  "Build on the existing POS booking API instead of a new booking system",
                  aino,
                  {jukka},
                  {sanna},
                  "Staff already know the POS; no second system to keep in sync."});
  add(e, Decision{0,
                  d(2026, 11, 3),
                  "Launch in Finnish and Swedish; English in phase 2",
                  aino,
                  {sanna, joost},
                  {jukka},
                  "Most guests book in Finnish or Swedish."});

  add(e, Feedback{0, d(2026, 10, 9), aino, 2, "Great kickoff – finally a clear plan.", ""});
  add(e, Feedback{0, d(2026, 10, 23), jukka, 0, "Worried about the POS API timeline.",
                  "Daan joins Jukka's call with the vendor."});
  add(e, Feedback{0, d(2026, 11, 6), aino, -1, "Design round 2 felt slow.",
                  "Share work in progress mid-week."});
  add(e, Feedback{0, d(2026, 11, 20), sanna, 1, "Likes the new homepage direction.", ""});
  // The demo predates stable uids: it keeps the one v1 derived (ids.hpp).
  e.uid = legacy_engagement_uid(e.info);
  return e;
}

}  // namespace rapport
