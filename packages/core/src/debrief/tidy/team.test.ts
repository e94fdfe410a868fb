import { noting } from "@debrief/testkit/noting";
import { describe, expect, it } from "vitest";
import { addressTheTeam } from "./team";

const run = noting(addressTheTeam);

describe("the interviewer's team addressed as you", () => {
  it("writes we, our and us as you and your, everywhere in a challenge", () => {
    expect(run("our models are validated too late").text).toBe("your models are validated too late");
    expect(run("We need someone who can fix what we've built for us").text).toBe(
      "You need someone who can fix what you've built for you",
    );
  });

  it("writes they and their as you and your when the challenge starts with them", () => {
    expect(run("they rebuild the same reports by hand and their cloud bill doubled").text).toBe(
      "you rebuild the same reports by hand and your cloud bill doubled",
    );
    expect(run("Their cloud bill doubled").text).toBe("Your cloud bill doubled");
  });

  it("leaves they later in a challenge that starts otherwise, and notes it", () => {
    const r = run("clients say they wait too long");
    expect(r.text).toBe("clients say they wait too long");
    expect(r.kept).toEqual([
      { field: "f", word: "they", suggestion: "you", why: "may mean the team you are writing to" },
    ]);
    expect(run("sales in the US are flat").text).toBe("sales in the US are flat");
  });
});
