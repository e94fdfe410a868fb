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
    expect(run("python, sql and tableau").kept.map((k) => k.word)).toEqual(["python", "tableau"]);
    expect(run("swift").kept.map((k) => k.suggestion)).toEqual(["Swift"]);
    const zoo = run("i fed the python and cleaned the apple store room after a swift lunch");
    expect(zoo.text).toBe("i fed the python and cleaned the apple store room after a swift lunch");
    expect(zoo.kept).toEqual([]);
    expect(run("case management and go to market").kept).toEqual([]);
    expect(run("I write Python").kept).toEqual([]);
  });
});
