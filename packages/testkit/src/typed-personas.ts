import type { DebriefRequest } from "@debrief/core";
import typed from "./personas-as-typed.json";

/** A debrief as a hurried candidate typed it, and what an advisor would fix if it reached the letter as typed. */
export type TypedPersona = { key: string; watch: string[]; body: DebriefRequest };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00.000Z`);

/** `value` with every calendar date (YYYY-MM-DD) in it, however deep, moved by `ms`. */
export function moveDates<T>(value: T, ms: number): T {
  if (typeof value === "string" && DATE.test(value)) return new Date(dayOf(value) + ms).toISOString().slice(0, 10) as T;
  if (Array.isArray(value)) return value.map((v) => moveDates(v, ms)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moveDates(v, ms)])) as T;
  return value;
}

/**
 * The ten debriefs of `personas-as-typed.json` (a copy of the one in `../shared/content`, written
 * outside the team), each moved in time so that its interview took place on `today` (UTC): every
 * date it holds moves by as many days, so a decision date stays as far after the interview.
 */
export function typedPersonas(today = new Date()): TypedPersona[] {
  return (typed.personas as TypedPersona[]).map((p) => ({
    ...p,
    body: moveDates(p.body, dayOf(today.toISOString().slice(0, 10)) - dayOf(p.body.interview.date)),
  }));
}
