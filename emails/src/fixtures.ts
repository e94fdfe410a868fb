import type { Debrief, EmailLinks } from "@debrief/core";
import { personaDebrief } from "@debrief/core/personas";

/** A believable debrief for previews (react-email's PreviewProps): one of the shared personas. */
export const previewDebrief: Debrief = personaDebrief("amira");

export const previewPageUrl = "http://localhost:3000/d/preview-token";

/** Links as the send step mints them (fixed here so previews and golden files are stable). */
export const previewLinks: EmailLinks = {
  page: previewPageUrl,
  actions: {
    sent: "http://localhost:3000/a/preview-sent",
    snooze: "http://localhost:3000/a/preview-snooze",
    stop: "http://localhost:3000/a/preview-stop",
    delete: "http://localhost:3000/a/preview-delete",
  },
};
