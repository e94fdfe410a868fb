import type { z } from "zod";
import { type DebriefInput, debriefInputSchema } from "./schema";

/** Field path (dotted, e.g. `interview.interviewer.name`, `questions.0.question`) → message. */
export type FieldErrors = Record<string, string>;

export type Validation = { ok: true; value: DebriefInput } | { ok: false; errors: FieldErrors };

type Issue = z.core.$ZodIssue;

/**
 * A union (a challenge is a string or `{ text, skill }`) that no option matched: the
 * issues of the option of the right shape (the one not refused outright at its root),
 * so the message names the field inside it rather than "Invalid input".
 */
function unwrapUnions(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
    const shaped = issue.errors.find((branch) => !branch.some((i) => i.path.length === 0 && i.code === "invalid_type"));
    if (!shaped) return [issue];
    return unwrapUnions(shaped.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
  });
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  // No prototype: a field named `__proto__` or `constructor` must get its message too.
  const errors: FieldErrors = Object.create(null);
  for (const issue of unwrapUnions(error.issues)) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        errors[[...issue.path, key].join(".")] ??= "Unknown field";
      }
      continue;
    }
    const path = issue.path.join(".") || "body";
    errors[path] ??= issue.message;
  }
  return errors;
}

const DAY_MS = 86_400_000;

/** Validates a debrief against the schema and the rules that need the current time. */
export function validateDebrief(body: unknown, now: Date): Validation {
  const parsed = debriefInputSchema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const value = parsed.data;
  // "Not more than a day in the future": a date is fine while its first moment is
  // no later than a day from now, which allows for every time zone.
  if (Date.parse(`${value.interview.date}T00:00:00Z`) > now.getTime() + DAY_MS) {
    return { ok: false, errors: { "interview.date": "The interview date cannot be in the future" } };
  }
  return { ok: true, value };
}
