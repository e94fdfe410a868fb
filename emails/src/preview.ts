import type { EmailLinks, SendWindow } from "@debrief/core";

/** Links as the send step mints them, fixed for the previews (react-email's PreviewProps) and the golden files. */
export const previewLinks = {
  page: "http://localhost:3000/d/preview-token",
  actions: {
    sent: "http://localhost:3000/a/preview-sent",
    snooze: "http://localhost:3000/a/preview-snooze",
    stop: "http://localhost:3000/a/preview-stop",
    delete: "http://localhost:3000/a/preview-delete",
  },
} satisfies EmailLinks;

/** The send window the letter and the reminder previews advise (the morning after a Tuesday interview, in Stockholm). */
export const previewWindow = {
  start: "2026-11-25T08:00:00.000Z",
  end: "2026-11-25T10:00:00.000Z",
  slot: "morning",
  timeZone: "Europe/Stockholm",
  label: "Wednesday 25 November, 09:00–11:00 (Stockholm time)",
  scheduleSend: false,
} satisfies SendWindow;
