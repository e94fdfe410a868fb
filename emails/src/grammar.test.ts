import { type Debrief, emailActions, type SendKind } from "@debrief/core";
import { describeFindings, grammarFindings } from "@debrief/testkit/grammar";
import { PERSONA_NAMES, type PersonaName, personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import { renderEmail } from "./index";
import { previewLinks } from "./preview";

/**
 * harper.js over every nudge and tips email of every persona (and the check-ins),
 * as the candidate reads them: the rendered HTML's text, links and all wording.
 * Only spelling or word-form findings on words the candidate typed are excused,
 * each listed here after review; capitalisation findings always count.
 */
/** Reviewed: names and terms typed in the personas' debriefs that harper's dictionary lacks. */
const ALLOW = [
  // Names of people and companies.
  "Amira",
  "Haddad",
  "Northwind",
  "Jonas",
  "Okafor",
  "Santos",
  "Chloe",
  "Dmitri",
  "Volkov",
  "Esi",
  "Mensah",
  "Farid",
  "Rahman",
  "Hiro",
  "Tanaka",
  "Inês",
  "Gonçalves",
  "Jamal",
  "Novak",
  "Rossi",
  "Bianchi",
  "Francesca",
  "Fischer",
  "Siobhán",
  "O'Connor",
  "Ní",
  "Bhriain",
  "Nguyễn",
  "Thị",
  "Anh",
  "Haruto",
  "Nadia",
  "Harbor",
  "Nord",
  "Girard",
  "Vltava",
  "Petr",
  "Dvořák",
  "Société",
  "Générale",
  "Partie",
  "Zoë",
  "Brontë",
  "Diaz",
  "Milano",
  "Morava",
  // Names in the personas added for the letter (issue 12), reviewed the same way.
  ...["Brightpath", "Rivera", "Aoife", "Byrne", "Lukas", "Minh", "Saigon", "Beatriz", "Costa", "Sato", "Kaizen"],
  ...["Lumen", "Owen", "Corris", "Rhian", "Priya", "Nair", "Arjun", "Mehta", "Ledgerline", "Yusuf", "Demir"],
  ...["Kemal", "Aydın", "Anatolia", "Hanbit", "Ji-woo", "Ji", "woo", "Petrova", "Helen", "Megan", "O'Brien"],
  ...["storyboarding", "storyline", "dbt", "JLPT", "N2"],
  // Typed phrases harper misreads: "say no to" (not "not to"), "change log" (not "changelog").
  ...["no to", "change log"],
  // Terms, abbreviations and words the candidates typed ("re-plan" is checked as "re" and "plan").
  "SBAR",
  "CI",
  "DCF",
  "SQL",
  "KPIs",
  "QA",
  "PMO",
  "ms",
  "re",
  "plan",
  "resequencing",
];

/** The text a reader sees: tags dropped, blocks on their own lines, entities decoded, bare URLs removed. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/i, "")
    .replace(/<div[^>]*display:none[^>]*>[\s\S]*?<\/div>/gi, "")
    .replace(/<(br|\/p|\/h[1-6]|\/li|\/td|\/div|hr)[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;|&#xA0;/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/https?:\/\/\S+/g, "")
    .replace(/\u200c|\u200b|\u200d|\u200e|\u200f|\ufeff|\u034f|\u2007|\u00ad/g, "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n\n");
}

const variants: { name: string; kind: SendKind; debrief: (p: PersonaName) => Debrief }[] = [
  { name: "nudge (unsent)", kind: "nudge", debrief: (p) => personaDebrief(p) },
  // At 09:00 Berlin on the day of the letter's morning window: the "now" wording.
  {
    name: "nudge (unsent, window open)",
    kind: "nudge",
    debrief: (p) => personaDebrief(p, { createdAt: "2026-11-24T21:00:00.000Z" }),
  },
  {
    name: "nudge (sent)",
    kind: "nudge",
    debrief: (p) => personaDebrief(p, { letterSentAt: "2026-11-25T07:30:00.000Z" }),
  },
  // An interviewer in Sydney and a candidate in London: every window is night-time, so scheduled send.
  {
    name: "nudge (unsent, night-time window)",
    kind: "nudge",
    debrief: (p) => {
      const d = personaDebrief(p);
      const interview = {
        ...d.input.interview,
        interviewer: { ...d.input.interview.interviewer, timeZone: "Australia/Sydney" },
      };
      return { ...d, input: { ...d.input, candidate: { ...d.input.candidate, timeZone: "Europe/London" }, interview } };
    },
  },
  { name: "tips", kind: "tips", debrief: (p) => personaDebrief(p) },
  ...(["screening", "second", "final"] as const).map((stage) => ({
    name: `tips (${stage} stage)`,
    kind: "tips" as const,
    debrief: (p: PersonaName) => {
      const d = personaDebrief(p);
      return { ...d, input: { ...d.input, interview: { ...d.input.interview, stage } } };
    },
  })),
  {
    name: "tips (invited)",
    kind: "tips",
    debrief: (p) => personaDebrief(p, { secondInterviewAt: "2026-11-25T07:30:00.000Z" }),
  },
  { name: "check-in", kind: "checkin7", debrief: (p) => personaDebrief(p) },
];

async function text(kind: SendKind, d: Debrief): Promise<string> {
  const wanted = emailActions(kind, d);
  const actions = Object.fromEntries(
    Object.entries(previewLinks.actions ?? {}).filter(([a]) => wanted.includes(a as never)),
  );
  const email = await renderEmail(kind, d, { ...previewLinks, actions });
  return `${email.subject}\n\n${visibleText(email.html)}`;
}

describe("grammar of the reminder, tips and check-in emails (harper.js)", () => {
  for (const persona of PERSONA_NAMES) {
    it(`${persona}: no findings but allow-listed words the candidate typed`, async () => {
      const problems: string[] = [];
      for (const v of variants) {
        const t = await text(v.kind, v.debrief(persona));
        const findings = await grammarFindings(t, { allow: ALLOW });
        if (findings.length) problems.push(`${v.name}:\n${describeFindings(findings)}`);
      }
      expect(problems.join("\n\n")).toBe("");
    });
  }

  it("checks the night-time advice too", async () => {
    const v = variants.find((x) => x.name === "nudge (unsent, night-time window)");
    expect(await text("nudge", v?.debrief("amira") ?? personaDebrief("amira"))).toMatch(/scheduled send/);
  });

  it("reads the text a person sees", async () => {
    const t = await text("tips", personaDebrief("amira"));
    expect(t).toContain("Preparing for a second interview");
    expect(t).not.toMatch(/<|href|https?:/);
  });
});
