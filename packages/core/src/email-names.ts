import type { EmailKind } from "./debrief/model";

/**
 * The one name each email goes by wherever a person reads it: the form, the pages, the emails
 * themselves and the README. The code calls the reminder `nudge` (its kind, its modules
 * content/nudge.ts and templates/nudge.tsx, the workflow's SendNudge state and the
 * `/resend/nudge` route); this is the one place that maps that to what people read. The
 * centres' day-7 and day-14 emails (kinds `checkin7`, `checkin14`) share one name.
 */
export const EMAIL_NAMES = {
  letter: "drafted letter",
  nudge: "reminder",
  tips: "second-interview tips",
  checkin: "outcome check-in",
} as const satisfies Record<EmailKind | "checkin", string>;

export type NamedEmail = keyof typeof EMAIL_NAMES;
