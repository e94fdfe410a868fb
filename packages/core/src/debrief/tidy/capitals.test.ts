import { noting } from "@debrief/testkit/noting";
import { describe, expect, it } from "vitest";
import { sentenceCase } from "./capitals";

const run = noting(sentenceCase);

describe("text typed in capitals", () => {
  it("goes to lower case but for its acronyms, names and numbers", () => {
    expect(run("WAREHOUSE MISSES THE SLA ON 1 IN 5 ORDERS").text).toBe("warehouse misses the SLA on 1 in 5 orders");
    expect(run("THE PICKING ROUTE. I WOULD REDESIGN THE SLOTTING FOR THE TOP 200 SKUS IN Q2").text).toBe(
      "the picking route. I would redesign the slotting for the top 200 SKUs in Q2",
    );
    expect(run("GCSE RESULTS FELL IN LONDON AND THE IV TRAINING IS LATE").text).toBe(
      "GCSE results fell in London and the IV training is late",
    );
  });

  it("leaves one or two words in capitals: acronyms or emphasis", () => {
    expect(run("the ERP migration is REALLY late").text).toBe("the ERP migration is REALLY late");
    expect(run("NHS ICU beds").text).toBe("NHS ICU beds");
  });

  it("keeps an unknown word of a shouted run in capitals and notes it", () => {
    const r = run("WE USE THE XQZT METHOD");
    expect(r.text).toBe("we use the XQZT method");
    expect(r.kept).toEqual([{ field: "f", word: "XQZT", suggestion: "xqzt", why: "kept in capitals: an acronym?" }]);
  });
});
