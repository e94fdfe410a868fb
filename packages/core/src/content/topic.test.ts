import { describe, expect, it } from "vitest";
import { challengeTopic, gerund } from "./topic";

describe("challengeTopic", () => {
  it.each([
    // A statement gives its subject; the predicate with the team's figure or judgement goes.
    ["On-time delivery is at 82% and the ops director blames the IT system", "On-time delivery"],
    [
      "checkout conversion is terrible, like 1.2%, and the PM thinks it's the design team's fault",
      "checkout conversion",
    ],
    ["your API p99 latency is like 4 seconds and on-call is burnt out since the old lead left", "your API p99 latency"],
    ["Instagram reach fell off after the agency left", "Instagram reach"],
    ["Your CRM data is a mess", "Your CRM data"],
    ["Japanese and English releases ship weeks apart", "Japanese and English releases"],
    ["The new wing at St Anne's is 9 weeks late and the client is furious", "The new wing at St Anne's"],
    // A metric where less is better is what the candidate would reduce.
    ["staff turnover in the call centre is around 40%", "reducing staff turnover in the call centre"],
    [
      "Year 9 Algebra 1 failure rate is around 25% and worse at two schools",
      "reducing the Year 9 Algebra 1 failure rate",
    ],
    // A goal is what the candidate would do; a repair is an improvement.
    ["you want to cut empty running on the Scotland lanes", "cutting empty running on the Scotland lanes"],
    [
      "You need someone who can fix your onboarding flow, it's basically a google form",
      "improving your onboarding flow",
    ],
    ["You need someone to own vendor relationships (about £2m spend)", "owning vendor relationships"],
    ["Win back the two big accounts you lost last year", "winning back the two big accounts"],
    ["you're moving payroll from Sage to Workday in April", "moving payroll from Sage to Workday in April"],
    ["you are rolling out Epic across 3 hospitals", "rolling out Epic"],
    ["You want coaches in classrooms, not in meetings", "coaches in classrooms"],
    // A phrase without a verb is the topic; what is missing is what the candidate would build.
    ["PCI audit in March", "the PCI audit in March"],
    ["Migrating from the monolith to services, it's a mess", "Migrating from the monolith to services"],
    ["antibiotic stewardship - three outbreaks this year and the ward blames pharmacy", "antibiotic stewardship"],
    ["No design system, every screen is different", "a design system"],
    // A group the team works with, never one person.
    ["Translation vendors miss deadlines", "working with Translation vendors"],
  ])("%s → %s", (typed, topic) => {
    expect(challengeTopic(typed)).toBe(topic);
  });

  it.each([
    "your last planner quit after 4 months, nobody has documented the routes",
    "the team missed quota 3 quarters in a row",
    "the finance director thinks marketing wastes money",
    "it's basically spreadsheets held together with macros",
  ])("has no topic when every clause is a figure, a judgement or gossip: %s", (typed) => {
    expect(challengeTopic(typed)).toBeUndefined();
  });

  it("writes each clause as it reads inside a sentence", () => {
    expect(challengeTopic("Reporting - leadership can't see the numbers", (c) => c.toLowerCase())).toBe("reporting");
  });

  it("never keeps a percentage, an amount or a word of judgement", () => {
    const typed = [
      "Net retention is 92% and churn is high because support is slow",
      "Budget of $400k for paid social, spend is wasted",
      "Ward 7 readmissions are up 30%, the consultants are unhappy",
      "Nobody trusts the dashboards, the numbers are off by 3x",
    ];
    for (const t of typed) {
      const topic = challengeTopic(t) ?? "";
      expect(topic, t).not.toMatch(/[%$£€]|\d+x|\b(?:slow|unhappy|wasted|nobody|off)\b/iu);
    }
  });
});

describe("gerund", () => {
  it.each([
    ["own", "owning"],
    ["plan", "planning"],
    ["move", "moving"],
    ["tie", "tying"],
    ["lower", "lowering"],
    ["visit", "visiting"],
    ["see", "seeing"],
  ])("%s → %s", (verb, ing) => expect(gerund(verb)).toBe(ing));
});
