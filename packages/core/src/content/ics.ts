import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import type { DebriefInput } from "../debrief/schema";

/** The practice session the tips suggest: an hour at 18:00 on the candidate's clock. */
export const PRACTICE = { hour: 18, minutes: 60, /** Hours of notice before the session, at least. */ noticeHours: 2 };

export type PracticeSession = { start: string; end: string; timeZone: string; summary: string; description: string };

/**
 * The first 18:00 on the candidate's clock at least two hours after `from` (when
 * the tips were scheduled), so the email and the .ics always name the same hour.
 */
export function practiceSession(d: DebriefInput, from: Date): PracticeSession {
  const tz = d.candidate.timeZone;
  let day = new TZDate(from.getTime(), tz);
  let start = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), PRACTICE.hour, 0, 0, 0, tz);
  if (start.getTime() - from.getTime() < PRACTICE.noticeHours * 3_600_000) {
    day = addDays(day, 1);
    start = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), PRACTICE.hour, 0, 0, 0, tz);
  }
  const end = new Date(start.getTime() + PRACTICE.minutes * 60_000);
  const questions = d.questions.map((q, i) => `${i + 1}. ${q.question.trim()}`);
  const description = [
    `Rehearse out loud for the ${d.interview.role} role at ${d.interview.company}.`,
    ...(questions.length
      ? ["Answer each in the shape your tips email gives it, in under two minutes:", ...questions]
      : ["Practise your answers out loud, in under two minutes each."]),
  ].join("\n");
  return {
    start: new Date(start.getTime()).toISOString(),
    end: end.toISOString(),
    timeZone: tz,
    summary: `Interview practice: ${d.interview.role} at ${d.interview.company}`,
    description,
  };
}

// RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT.
const escapeText = (s: string) =>
  s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** RFC 5545 3.1: lines longer than 75 octets are folded, never inside a character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  for (const ch of line) {
    if (Buffer.byteLength(current + ch) > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
    }
    current += ch;
  }
  out.push(current);
  return out.join("\r\n ");
}

const utc = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** An iCalendar file with the practice session as one event (times in UTC, shown in the reader's zone). */
export function practiceIcs(session: PracticeSession, uid: string, stamp: Date): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Interview Debrief//Practice session//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${utc(stamp.toISOString())}`,
    `DTSTART:${utc(session.start)}`,
    `DTEND:${utc(session.end)}`,
    `SUMMARY:${escapeText(session.summary)}`,
    `DESCRIPTION:${escapeText(session.description)}`,
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "TRIGGER:-PT15M",
    `DESCRIPTION:${escapeText(session.summary)}`,
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
