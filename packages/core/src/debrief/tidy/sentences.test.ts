import { describe, expect, it } from "vitest";
import {
  looksLikeQuestion,
  tidyName,
  tidyOrganisation,
  tidyPhrase,
  tidyQuestion,
  tidySalutation,
  tidySentences,
  tidySkill,
} from "./sentences";

describe("tidying what the candidate typed", () => {
  it("collapses spaces, capitalises sentence starts and the pronoun I", () => {
    expect(tidySentences("i'd look at more than completion.  i'd use a quiz")).toBe(
      "I'd look at more than completion. I'd use a quiz",
    );
    expect(tidySentences("we shipped it and i've kept it running. i'm proud of it")).toBe(
      "We shipped it and I've kept it running. I'm proud of it",
    );
  });

  it("does not end a sentence at an abbreviation or a decimal, and keeps paragraphs", () => {
    expect(tidySentences("cut it by 3.5 hours, e.g. by caching. then Dr. Smith signed off")).toBe(
      "Cut it by 3.5 hours, e.g. by caching. Then Dr. Smith signed off",
    );
    expect(tidySentences("first line\n\nsecond line")).toBe("First line\n\nSecond line");
  });

  it("ends a question with a question mark, and leaves statements and imperatives alone", () => {
    expect(tidyQuestion("how would you know a course is working")).toBe("How would you know a course is working?");
    expect(tidyQuestion('"Why us."')).toBe("Why us?");
    expect(tidyQuestion("Tell me about a time you cut waiting times.")).toBe(
      "Tell me about a time you cut waiting times.",
    );
    expect(looksLikeQuestion("What would you do first")).toBe(true);
    expect(looksLikeQuestion("Walk me through a model")).toBe(false);
  });

  it("drops the full stop at the end of a phrase used inside a sentence, never the words", () => {
    expect(tidyPhrase("instructional designer.")).toBe("instructional designer");
    expect(tidyPhrase("  Deploys  take 90 minutes. ")).toBe("Deploys take 90 minutes");
    expect(tidyPhrase("Acme Inc.")).toBe("Acme Inc");
    expect(tidyPhrase("Wait for it...")).toBe("Wait for it...");
    expect(tidyPhrase("Colour, flavour")).toBe("Colour, flavour");
  });

  it("writes a skill as a noun phrase", () => {
    expect(tidySkill("i'm good at storyboarding")).toBe("storyboarding");
    expect(tidySkill("my SQL.")).toBe("SQL");
    expect(tidySkill("structured SBAR handovers")).toBe("structured SBAR handovers");
  });

  it("capitalises a name typed wholly in lower case, part by part, and keeps any other name as typed", () => {
    expect(tidyName("megan o'brien")).toBe("Megan O'Brien");
    expect(tidyName("ian mcdonald")).toBe("Ian McDonald");
    expect(tidyName("anna smith-jones")).toBe("Anna Smith-Jones");
    expect(tidyName("jan van der berg")).toBe("Jan van der Berg");
    expect(tidyName("Siobhán O'Connor-Ní Bhriain")).toBe("Siobhán O'Connor-Ní Bhriain");
    expect(tidyName("danah boyd")).toBe("Danah Boyd");
    expect(tidyName("Vincent van Gogh")).toBe("Vincent van Gogh");
    expect(tidyName("bell hooks ")).toBe("Bell Hooks");
    expect(tidyName("NGUYỄN Thị Minh Anh")).toBe("NGUYỄN Thị Minh Anh");
    expect(tidyName("ruth adler, msc, rgn")).toBe("Ruth Adler, MSc, RGN");
    expect(tidyName("Dr. Kofi Boateng PhD")).toBe("Dr. Kofi Boateng, PhD");
  });

  it("capitalises an organisation typed wholly in lower case", () => {
    expect(tidyOrganisation("brightpath learning.")).toBe("Brightpath Learning");
    expect(tidyOrganisation("bank of the west")).toBe("Bank of the West");
    expect(tidyOrganisation("eBay")).toBe("eBay");
  });

  it("reads a salutation without its greeting word", () => {
    expect(tidySalutation("dear sam,")).toBe("Sam");
    expect(tidySalutation("Dr. O'Connor-Ní Bhriain")).toBe("Dr. O'Connor-Ní Bhriain");
    expect(tidySalutation("Hello Ms. Kim")).toBe("Ms. Kim");
  });
});
