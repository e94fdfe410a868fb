import { noting } from "@debrief/testkit/noting";
import { describe, expect, it } from "vitest";
import { restoreCasing } from "./casing";

const run = noting(restoreCasing);

describe("names in their own casing", () => {
  it("writes brands, technologies, places and days as their owners do", () => {
    expect(run("design systems in figma, tickets in jira").text).toBe("design systems in Figma, tickets in Jira");
    expect(run("javascript and postgresql on aws, deployed from github to kubernetes").text).toBe(
      "JavaScript and PostgreSQL on AWS, deployed from GitHub to Kubernetes",
    );
    expect(run("iphones on macos; dashboards in power bi; salesforce in london on monday").text).toBe(
      "iPhones on macOS; dashboards in Power BI; Salesforce in London on Monday",
    );
    expect(run("Github's api").text).toBe("GitHub's API");
  });

  it("leaves a name that is also a word as typed, and notes it only where it reads as the name", () => {
    expect(run("i automate reports in python").kept).toEqual([
      { field: "f", word: "python", suggestion: "Python", why: "may be the name Python" },
    ]);
    expect(run("swift").kept.map((k) => k.suggestion)).toEqual(["Swift"]);
    const zoo = run("i fed the python and cleaned the apple store room after a swift lunch");
    expect(zoo.text).toBe("i fed the python and cleaned the apple store room after a swift lunch");
    expect(zoo.kept).toEqual([]);
    expect(run("case management and go to market").kept).toEqual([]);
    expect(run("I write Python").kept).toEqual([]);
  });

  it("raises a name that is also a word where it reads as the name in a debrief about technology", () => {
    const listed = run("python, sql and tableau");
    expect(listed.text).toBe("Python, SQL and Tableau");
    expect(listed.kept).toEqual([]);
    const tech = { technical: true };
    expect(restoreCasing("moved the warehouse to snowflake in q3, reports in tableau are slow", () => {}, tech)).toBe(
      "moved the warehouse to Snowflake in Q3, reports in Tableau are slow",
    );
    expect(restoreCasing("models in python/dbt", () => {}, tech)).toBe("models in Python/dbt");
    // Not where it reads as the word, even in a technical debrief.
    expect(restoreCasing("a snowflake pattern on the tableau of the float", () => {}, tech)).toBe(
      "a snowflake pattern on the tableau of the float",
    );
  });

  it("writes quarters, SQL functions, lower-case acronyms and funding titles in capitals", () => {
    expect(run("what is the difference between row_number and dense_rank, and the customer_id column").text).toBe(
      "what is the difference between ROW_NUMBER and DENSE_RANK, and the customer_id column",
    );
    expect(run("targets for q2 and fy26, two kpis and our ugc").text).toBe(
      "targets for Q2 and FY26, two KPIs and our UGC",
    );
    expect(run("the three title i schools").text).toBe("the three Title I schools");
    expect(run("the title is late, see example.org/q2-report").text).toBe(
      "the title is late, see example.org/q2-report",
    );
  });

  it("writes reviewed product names of several words", () => {
    expect(run("campaigns in meta ads manager, the move off sql server, invoicing in netsuite").text).toBe(
      "campaigns in Meta Ads Manager, the move off SQL Server, invoicing in NetSuite",
    );
  });
});
