import type { Debrief } from "@debrief/core";

/** A believable debrief for previews (react-email's PreviewProps) and examples. */
export const previewDebrief: Debrief = {
  id: "00000000-0000-4000-8000-000000000000",
  createdAt: "2026-11-24T16:30:00.000Z",
  expiresAt: "2027-05-23T16:30:00.000Z",
  schedule: { nudgeAt: "2026-11-25T08:00:00.000Z", tipsAt: "2026-11-26T08:00:00.000Z" },
  tokenHashes: [],
  sends: {},
  input: {
    candidate: { name: "Amira Haddad", email: "amira@example.com", timeZone: "Europe/Berlin" },
    interview: {
      company: "Northwind Logistics",
      role: "Data Analyst",
      date: "2026-11-24",
      time: "14:00",
      format: "video",
      stage: "first",
      interviewer: { name: "Jonas Weber", title: "Head of Analytics", timeZone: "Europe/Berlin" },
    },
    whatHappened: ["nerves", "blanked"],
    challenges: ["Delivery delays are reported a week late"],
    questions: [
      {
        question: "How would you find the cause of late deliveries?",
        betterAnswer:
          "I would start from the delivery events, segment delays by route and carrier, and check the biggest segment first.",
        example: "At my internship I traced 60% of late parcels to one depot by segmenting scan data.",
      },
    ],
    skills: ["SQL", "dashboarding"],
    samples: [{ title: "Delivery delay dashboard", url: "https://example.com/dashboard" }],
    references: [{ name: "Dr. Lena Fischer", relation: "internship supervisor", contact: "lena.fischer@example.org" }],
    plan: ["Map the current delay reporting", "Ship a daily delay dashboard"],
    tone: "warm",
    consent: true,
  },
};

export const previewPageUrl = "http://localhost:3000/d/preview-token";
