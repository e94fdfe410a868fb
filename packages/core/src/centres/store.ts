import type { Debrief } from "../debrief/model";
import type { Centre } from "./model";
import type { StatsSource } from "./stats";

/** One advisor access to a shared debrief, kept for the student to see. */
export type AuditEntry = {
  at: string;
  centre: string;
  /** Which API key was used: a short prefix of its hash, never the key (absent when signed in). */
  keyId?: string;
  /** The advisor's name, when an advisor opened it (absent for the shared key). */
  advisor?: string;
  action: "viewed";
};

/** What the centre index holds of a debrief: enough for statistics and the share list, no personal data. */
export type CentreDebriefSummary = Pick<
  Debrief,
  "id" | "createdAt" | "expiresAt" | "cohort" | "letterSentAt" | "secondInterviewAt" | "checkins" | "shareWithCentre"
>;

export interface CentreStore {
  /** Writes a new centre; false if the slug is taken. */
  createCentre(centre: Centre): Promise<boolean>;
  getCentre(slug: string): Promise<Centre | undefined>;
  /** Every centre (the CLI's list; a handful of items). */
  listCentres(): Promise<Centre[]>;
  /** Replaces a centre's settings, keeping its keys; false if there is no such centre. */
  saveCentre(centre: Centre): Promise<boolean>;
  /** Stores an admin key's hash, scoped to one centre. */
  addKey(keyHash: string, slug: string, at: Date): Promise<void>;
  /** The centre an admin key's hash belongs to, if the key is live. */
  findKey(keyHash: string): Promise<string | undefined>;
  /** Revokes a key: its hash no longer authenticates. */
  deleteKey(keyHash: string): Promise<void>;
  deleteCentre(slug: string): Promise<void>;
  /** The centre's unexpired debriefs, through the byCentre index. */
  centreDebriefs(slug: string, now: Date): Promise<CentreDebriefSummary[]>;
  /**
   * What statistics count: the centre's unexpired debriefs whose students proved their
   * address (`countedIn`), each with its student's digest, from the byCentreStudent index
   * (a Query, never a Scan). A debrief not yet given a digest (stored before digests, until
   * the backfill reaches it) is left out, never counted as a student of its own.
   */
  countedStudents(slug: string, now: Date): Promise<StatsSource[]>;
  /**
   * Gives centre debriefs stored before student digests their digest, and proven ones their
   * place in the statistics index (a Scan, run by the reconciler); how many it changed.
   */
  backfillCountedStudents(): Promise<number>;
  /** Sets or withdraws the student's consent to share with the centre; false if the debrief has no centre. */
  setSharing(debriefId: string, share: boolean, at: Date): Promise<boolean>;
  /** Unlinks a debrief from its centre (the centre was deleted): it stays the student's. */
  detachFromCentre(debriefId: string): Promise<void>;
  appendAudit(debriefId: string, entry: AuditEntry, expiresAt: string): Promise<void>;
  auditLog(debriefId: string): Promise<AuditEntry[]>;
  /** Records a check-in answer; false if that check-in was already answered. */
  recordCheckin(debriefId: string, kind: string, answer: { answer: string; at: string }): Promise<boolean>;
}
