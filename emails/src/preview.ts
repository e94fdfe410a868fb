import type { EmailLinks } from "@debrief/core";

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
