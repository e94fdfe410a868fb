import type { Debrief } from "@debrief/core";
import { personaDebrief } from "@debrief/core/personas";

/** A believable debrief for previews (react-email's PreviewProps): one of the shared personas. */
export const previewDebrief: Debrief = personaDebrief("amira");

export const previewPageUrl = "http://localhost:3000/d/preview-token";
