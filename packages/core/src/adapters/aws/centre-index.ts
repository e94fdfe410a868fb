/**
 * The sparse index listing a centre's debriefs (only debriefs with a `centre` are in it),
 * shared by the adapter, infra/storage.ts and the local stack's table. It projects what
 * statistics and the share list read, and nothing that identifies a student.
 */
export const CENTRE_INDEX = {
  name: "byCentre",
  partitionKey: "centre",
  sortKey: "createdAt",
  attributes: ["id", "expiresAt", "cohort", "letterSentAt", "secondInterviewAt", "checkins", "shareWithCentre"],
} as const;
