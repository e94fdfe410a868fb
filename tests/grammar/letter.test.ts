import { composeLetter, LENGTHS, letterAsText, TONES } from "@debrief/core";
import { describeFindings, grammarFindings } from "@debrief/testkit/grammar";
import { debriefStrings } from "@debrief/testkit/letter-checks";
import { PERSONA_NAMES, PERSONAS } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";

/**
 * Words the candidates typed that harper.js does not know: names of people, places,
 * organisations and tools, and a few terms of their trades. Reviewed one by one: each
 * is spelled as its owner spells it. Only spelling and word-form findings on these
 * words are excused; capitalisation findings always count.
 */
const ALLOW = [
  // people
  ...[
    "Amira",
    "Haddad",
    "Okafor",
    "Adeyemi",
    "Girard",
    "Volkov",
    "Esi",
    "Mensah",
    "Kofi",
    "Boateng",
    "Farid",
    "Rahman",
  ],
  ...["Diaz", "Hiro", "Tanaka", "Inês", "Gonçalves", "Brontë", "Petr", "Dvořák", "Horáková", "Svoboda", "Novak"],
  ...[
    "Rossi",
    "Bianchi",
    "Petrova",
    "Megan",
    "O'Brien",
    "Rivera",
    "Costa",
    "Aoife",
    "Byrne",
    "Siobhán",
    "O'Connor-Ní",
    "Ní",
  ],
  ...["Bhriain", "Lukas", "Nguyễn", "Thị", "Minh", "Anh", "Beatriz", "Haruto", "Sato", "Rhian", "Priya", "Nair"],
  ...["Arjun", "Mehta", "Kemal", "Aydın", "Yusuf", "Demir", "Ji-woo", "Ji", "woo", "Jana", "Lena", "Fischer"],
  // organisations and places
  ...["Northwind", "Harbor", "Nord", "Vltava", "Morava", "Milano", "Société", "Générale", "Brightpath", "Kaizen"],
  ...["Corris", "Ledgerline", "Hanbit", "Saigon", "Lumen", "Anatolia"],
  // tools and terms of the trade, as typed
  ...[
    "SBAR",
    "JLPT",
    "N2",
    "dbt",
    "storyboarding",
    "storyline",
    "resequencing",
    "re-plan",
    "Partie",
    "checkin",
    "ms",
    "C",
  ],
  // phrases harper misreads: "say no to" (not "not to"), "change log" (not "changelog")
  ...["no to", "change log"],
];

/**
 * Three persona inputs avoid words harper.js misreads, because the rule is that capitalisation
 * findings always count, even on what the candidate typed: the sloppy persona's interviewer is
 * "dana rivera", not "sam rivera" (harper wants "Sam" as "SAM"); Aoife's skill is "study data
 * management", not "REDCap" (harper wants "redcap"). Neither hid a fault of the composer: the
 * tidy rules that write "Sam Rivera" are tested in packages/core, and the letter prints a tool's
 * name as typed. The composer's own lateness line is "I'm sorry I arrived late": harper reads
 * "I am sorry I arrived late" as missing a preposition. This test pins those false positives,
 * so that when a harper upgrade drops them the original inputs can come back.
 */
describe("harper.js false positives the personas work around", () => {
  it("still flags 'Sam', 'REDCap' and 'I am sorry I …'", async () => {
    const kinds = async (text: string) => (await grammarFindings(text)).map((f) => `${f.kind}: ${f.problem}`);
    expect(await kinds("Dear Sam Rivera,")).toContain("Capitalization: Sam");
    expect(await kinds("I would also bring my skills in REDCap.")).toContain("Capitalization: REDCap");
    expect((await kinds("I am sorry I arrived late.")).length).toBeGreaterThan(0);
    expect(await kinds("I'm sorry I arrived late.")).toEqual([]);
  });
});

describe("every letter passes a real grammar checker", () => {
  it("allows only words the candidates typed", () => {
    const typed = PERSONA_NAMES.flatMap((n) => debriefStrings(PERSONAS[n])).join(" ");
    for (const w of ALLOW) expect(typed, w).toContain(w);
  });

  for (const name of PERSONA_NAMES) {
    it(`${name}: no findings in any tone or length`, async () => {
      for (const tone of TONES) {
        for (const length of LENGTHS) {
          const l = composeLetter({ ...PERSONAS[name], tone }, { length });
          const text = `${l.subject}\n\n${letterAsText(l)}`;
          const findings = await grammarFindings(text, { allow: ALLOW });
          expect(findings, `${tone}/${length}:\n${describeFindings(findings)}\n\n${text}`).toEqual([]);
        }
      }
    });
  }
});
