import type { DebriefRequest } from "@debrief/core";
import { validDebrief } from "@debrief/testkit/debriefs";
import { formGuardFields } from "@debrief/testkit/forms";
import { readInbox } from "@debrief/testkit/inbox";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";
import { submittedItems } from "@debrief/testkit/table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** One request of the corpus: a JSON body (or raw text) for the API, or fields for the form. */
type Case =
  | { name: string; api: unknown; raw?: false; headers?: Record<string, string> }
  | { name: string; api: string; raw: true; headers?: Record<string, string> }
  | { name: string; form: Record<string, string | string[]> };

const base: DebriefRequest = validDebrief({
  candidate: { name: "Corpus Candidate", email: "corpus@example.com", timeZone: "Europe/Berlin" },
  interview: {
    company: "Northwind Logistics",
    role: "Data Analyst",
    date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    time: "10:30",
    format: "video",
    stage: "first",
    interviewer: {
      name: "Jonas Weber",
      title: "Head of Analytics",
      email: "jonas@example.com",
      timeZone: "Europe/Berlin",
    },
  },
  notes: "It went fine until the SQL question.",
  challenges: ["Late deliveries"],
  plan: ["Map the delivery data"],
  samples: [{ title: "Delivery dashboard", url: "https://example.com/dashboard" }],
  references: [{ name: "Dana Lee", relation: "Internship manager", contact: "dana@example.com" }],
  tone: "warm",
});

/** A copy of the valid body with one path set (or removed, for `undefined`). */
function withPath(path: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split(".");
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const STRING_FIELDS: [string, number][] = [
  ["candidate.name", 100],
  ["candidate.email", 254],
  ["candidate.timeZone", 64],
  ["interview.company", 120],
  ["interview.role", 120],
  ["interview.date", 10],
  ["interview.time", 5],
  ["interview.interviewer.name", 100],
  ["interview.interviewer.title", 100],
  ["interview.interviewer.email", 254],
  ["interview.interviewer.timeZone", 64],
  ["notes", 2000],
  ["questions.0.question", 300],
  ["questions.0.betterAnswer", 1500],
  ["questions.0.example", 1000],
  ["samples.0.title", 120],
  ["samples.0.url", 500],
  ["references.0.name", 100],
  ["references.0.relation", 120],
  ["references.0.contact", 200],
  ["challenges.0", 300],
  ["skills.0", 80],
  ["plan.0", 300],
];

const overlong = (path: string, max: number) =>
  path.endsWith("email")
    ? `${"a".repeat(max)}@example.com`
    : path.endsWith("url")
      ? `https://example.com/${"a".repeat(max)}`
      : "a".repeat(max + 1);

const cases: Case[] = [];
const api = (name: string, body: unknown, headers?: Record<string, string>) => cases.push({ name, api: body, headers });
const raw = (name: string, body: string, headers?: Record<string, string>) =>
  cases.push({ name, api: body, raw: true, headers });

// Malformed JSON and JSON that is not a debrief object.
for (const text of [
  "",
  "{",
  '{"candidate": ',
  '{"candidate": }',
  "{'candidate': {}}",
  '{"consent": true,}',
  "nul",
  "undefined",
  "NaN",
  '{"a": 1} trailing',
  "\uFEFF{}",
  '{"a":"\u0000',
  "[[[[[[[[[[",
  '{"notes": "unterminated}',
  "<debrief/>",
]) {
  raw(`malformed JSON ${JSON.stringify(text.slice(0, 20))}`, text);
}
for (const text of [
  "null",
  "123",
  '"a debrief"',
  "true",
  "[]",
  "{}",
  `[${JSON.stringify(base)}]`,
  "[".repeat(2000) + "]".repeat(2000),
]) {
  raw(`JSON that is not a debrief ${text.slice(0, 20)}`, text);
}

// Wrong content types, each with a body that would otherwise be valid.
for (const type of [
  "text/plain",
  "text/html",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json-patch+json",
  "application/jsonp",
  "",
]) {
  raw(`content type ${JSON.stringify(type)}`, JSON.stringify(base), { "content-type": type });
}

// Oversized bodies.
raw("a 17 KB JSON body", JSON.stringify({ ...base, notes: "x".repeat(17 * 1024) }));
raw("a 1 MB JSON body", JSON.stringify({ ...base, padding: "x".repeat(1024 * 1024) }));
raw("a huge list of skills", JSON.stringify({ ...base, skills: Array.from({ length: 5000 }, (_, i) => `skill ${i}`) }));
raw("deeply nested JSON", `${'{"a":'.repeat(4000)}1${"}".repeat(4000)}`);

// Missing fields.
for (const path of [
  "candidate",
  "candidate.name",
  "candidate.email",
  "candidate.timeZone",
  "interview",
  "interview.company",
  "interview.role",
  "interview.date",
  "interview.format",
  "interview.interviewer",
  "interview.interviewer.name",
  "consent",
  "questions.0.question",
  "questions.0.betterAnswer",
  "samples.0.url",
  "references.0.contact",
]) {
  api(`missing ${path}`, withPath(path, undefined));
}

// Extra fields at every level, including prototype keys.
for (const [path, key] of [
  ["", "admin"],
  ["", "id"],
  ["", "sends"],
  ["candidate", "role"],
  ["interview", "salary"],
  ["interview.interviewer", "phone"],
  ["questions.0", "score"],
  ["samples.0", "html"],
  ["references.0", "email"],
] as const) {
  api(`extra field ${path ? `${path}.` : ""}${key}`, path ? withPath(`${path}.${key}`, "x") : { ...base, [key]: "x" });
}
raw("a __proto__ key", JSON.stringify(base).replace(/^\{/, '{"__proto__":{"admin":true},'));
raw("a constructor key", JSON.stringify(base).replace(/^\{/, '{"constructor":{"prototype":{"admin":true}},'));

// Wrong types for every text field.
for (const [path] of STRING_FIELDS) {
  for (const value of [42, true, null, [], {}]) api(`${path} as ${JSON.stringify(value)}`, withPath(path, value));
}
// Overlong text in every field.
for (const [path, max] of STRING_FIELDS) api(`${path} over ${max} characters`, withPath(path, overlong(path, max)));

// Choices and flags.
for (const path of ["interview.format", "interview.stage", "tone"]) {
  for (const value of ["", "Video", "<script>alert(1)</script>", 1, null]) {
    api(`${path} = ${JSON.stringify(value)}`, withPath(path, value));
  }
}
for (const value of [false, "true", 1, "yes", null])
  api(`consent = ${JSON.stringify(value)}`, withPath("consent", value));

// Lists: wrong shapes, duplicates, too many entries.
api("whatHappened as a string", withPath("whatHappened", "nerves"));
api("whatHappened with a number", withPath("whatHappened", [1]));
api("whatHappened twice the same", withPath("whatHappened", ["nerves", "nerves"]));
api("whatHappened with HTML", withPath("whatHappened", ["<img src=x onerror=alert(1)>"]));
api("whatHappened as an object", withPath("whatHappened", { nerves: true }));
api("nothing happened and no question", { ...base, whatHappened: [], questions: [] });
api(
  "6 challenges",
  withPath(
    "challenges",
    Array.from({ length: 6 }, (_, i) => `c${i}`),
  ),
);
api(
  "11 skills",
  withPath(
    "skills",
    Array.from({ length: 11 }, (_, i) => `s${i}`),
  ),
);
api(
  "7 plan items",
  withPath(
    "plan",
    Array.from({ length: 7 }, (_, i) => `p${i}`),
  ),
);
api(
  "6 questions",
  withPath(
    "questions",
    Array.from({ length: 6 }, () => base.questions?.[0]),
  ),
);
api(
  "6 samples",
  withPath(
    "samples",
    Array.from({ length: 6 }, () => base.samples?.[0]),
  ),
);
api(
  "4 references",
  withPath(
    "references",
    Array.from({ length: 4 }, () => base.references?.[0]),
  ),
);
api("a question that is a string", withPath("questions", ["Why?"]));
api("an empty sample", withPath("samples", [{}]));
api("an empty skill", withPath("skills", [""]));
api("a blank plan item", withPath("plan", ["   "]));

// Invalid email addresses.
for (const email of [
  "plainaddress",
  "@example.com",
  "amira@",
  "amira@example",
  "amira haddad@example.com",
  "amira@exa mple.com",
  "amira@example..com",
  ".amira@example.com",
  "amira.@example.com",
  "ami..ra@example.com",
  "amira@-example.com",
  "amira@example.com.",
  "<amira@example.com>",
  "Amira <amira@example.com>",
  "amira@example.com,eve@example.com",
  "amira@example.com;eve@example.com",
  "amira@[127.0.0.1]",
  "amira@localhost",
  "amira@example.c",
  "amira@example.com\r\nBcc: eve@example.com",
  "amira@example.com%0d%0aBcc:eve@example.com",
  "<script>@example.com",
]) {
  api(`candidate email ${JSON.stringify(email)}`, withPath("candidate.email", email));
}
for (const email of ["not-an-email", "jonas@", "jonas@example.com\nBcc: x@y.z"]) {
  api(`interviewer email ${JSON.stringify(email)}`, withPath("interview.interviewer.email", email));
}

// Invalid time zones.
for (const tz of [
  "Mars/Olympus",
  "UTC+2",
  "+02:00",
  "GMT+5",
  "Europe/\nBerlin",
  "Europe/Berlin; DROP TABLE",
  "../../etc/passwd",
  "America/New York",
  "Asia/Kolkata/Extra",
  "Local",
  "12345",
  "Europe\\Berlin",
  "Europe/Berlín",
  "<script>",
  "   ",
]) {
  api(`time zone ${JSON.stringify(tz)}`, withPath("candidate.timeZone", tz));
}
api("interviewer time zone Nowhere/Else", withPath("interview.interviewer.timeZone", "Nowhere/Else"));

// Links that are not http(s).
for (const url of [
  "javascript:alert(1)",
  "JAVASCRIPT:alert(document.cookie)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.com/file",
  "//evil.example/path",
  "http//missing-colon.example",
  "mailto:amira@example.com",
  "not a url",
  "https://",
  "https://exa mple.com",
  "<a href=x>link</a>",
]) {
  api(`sample link ${JSON.stringify(url)}`, withPath("samples.0.url", url));
}

// Dates and times.
for (const date of [
  "2024-13-01",
  "2024-02-30",
  "24-01-01",
  "2024/01/01",
  "tomorrow",
  "2999-01-01",
  "",
  "<b>2024-01-01</b>",
]) {
  api(`interview date ${JSON.stringify(date)}`, withPath("interview.date", date));
}
for (const time of ["25:00", "12:60", "noon", "9:30", "12:30:00"])
  api(`interview time ${JSON.stringify(time)}`, withPath("interview.time", time));

// CR/LF and other line breaks in anything that reaches a header or subject.
for (const path of [
  "candidate.name",
  "interview.company",
  "interview.role",
  "interview.interviewer.name",
  "interview.interviewer.title",
  "samples.0.title",
]) {
  for (const br of ["\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029"]) {
    api(`${path} with ${JSON.stringify(br)}`, withPath(path, `Line one${br}Bcc: eve@example.com`));
  }
}

// Unicode edge cases.
api("a lone high surrogate in the name", withPath("candidate.name", "Amira \ud800"));
api("a lone low surrogate in a question", withPath("questions.0.question", "Why \udc00?"));
api("a zero-width-only name", withPath("candidate.name", "\u200b\u200b"));
api("a zero-width-only better answer", withPath("questions.0.betterAnswer", "\u200b\n\u200d"));
api("a byte-order-mark-only company", withPath("interview.company", "\ufeff"));
api("a right-to-left override in the role", withPath("interview.role", "Analyst \u202egnp.exe"));
api("a bidi isolate in the interviewer's name", withPath("interview.interviewer.name", "Jonas \u2066Weber\u2069"));
api("a NUL in the notes", withPath("notes", "fine\u0000then not"));
api("a noncharacter in a skill", withPath("skills", ["SQL\uffff"]));
api("an escape sequence in the name", withPath("candidate.name", "Amira \u001b[31mred"));
api("a lone surrogate in the notes", withPath("notes", "notes \ud83d end"));

// Bad idempotency keys on an otherwise valid debrief.
for (const key of ["short", "has a space in it", "k".repeat(129), "<script>alert(1)</script>"]) {
  api(`idempotency key ${JSON.stringify(key.slice(0, 20))}`, base, { "idempotency-key": key });
}

// The form, with a good ticket: the same schema behind it.
const goodForm: Record<string, string> = {
  "candidate.name": "Corpus Candidate",
  "candidate.email": "corpus@example.com",
  "candidate.timeZone": "UTC",
  "interview.company": "Northwind Logistics",
  "interview.role": "Data Analyst",
  "interview.date": new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
  "interview.format": "phone",
  "interview.interviewer.name": "Jonas Weber",
  whatHappened: "nerves",
  consent: "on",
};
const form = (name: string, change: Record<string, string | undefined | string[]>) => {
  const fields: Record<string, string | string[]> = { ...goodForm };
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete fields[k];
    else fields[k] = v;
  }
  cases.push({ name: `form: ${name}`, form: fields });
};
form("no consent", { consent: undefined });
form("consent off", { consent: "off" });
form("bad email", { "candidate.email": "nope" });
form("CR/LF in the name", { "candidate.name": "Amira\r\nBcc: eve@example.com" });
form("a javascript: sample link", { "samples.0.title": "x", "samples.0.url": "javascript:alert(1)" });
form("an unknown situation", { whatHappened: "sneezing" });
form("an unknown format", { "interview.format": "carrier pigeon" });
form("a script in the tone", { tone: "<script>alert(1)</script>" });
form("six challenges", { challenges: "a\nb\nc\nd\ne\nf" });
form("a 17 KB body", { notes: "x".repeat(17 * 1024) });
form("a future date", { "interview.date": "2999-01-01" });
form("no time zone", { "candidate.timeZone": undefined });

describe(`bad-input corpus (${cases.length} cases)`, () => {
  let stack: TestStack;
  let guard: Record<string, string>;
  beforeAll(async () => {
    stack = await startTestStack({ localDaySeconds: 60 });
    guard = await formGuardFields(stack.appUrl);
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  it("has at least 200 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s → 4xx with a clear message", async (_name, c) => {
    let res: Response;
    if ("form" in c) {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...guard, ...c.form })) {
        for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
      }
      res = await fetch(`${stack.appUrl}/`, { method: "POST", body, redirect: "manual" });
    } else {
      res = await fetch(`${stack.appUrl}/api/debriefs`, {
        method: "POST",
        headers: { "content-type": "application/json", ...c.headers },
        body: c.raw ? c.api : JSON.stringify(c.api),
      });
    }
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const text = await res.text();
    if ("form" in c && res.headers.get("content-type")?.includes("text/html")) {
      // The form comes back with a summary of what to fix.
      expect(text).toMatch(/class="error-summary"/);
    } else {
      const json = JSON.parse(text) as { message?: unknown; fields?: Record<string, unknown> };
      expect(json.message).toEqual(expect.stringMatching(/\w{3,}/));
      if (res.status === 422) expect(Object.keys(json.fields ?? {}).length).toBeGreaterThan(0);
    }
  });

  it("stored nothing, started nothing and sent nothing for any of them", async () => {
    expect(await submittedItems()).toEqual([]);
    expect(stack.sfn.executions()).toHaveLength(0);
    expect(await readInbox(stack.inboxUrl)).toHaveLength(0);
  });
});
