import type { Clock, DebriefStore, Workflow } from "../ports";

/** The ports the candidate's page and links act through. */
export type CandidateDeps = {
  store: DebriefStore;
  workflow: Workflow;
  /** The check-in workflow: stopping the emails or erasing a debrief stops its check-ins too. */
  checkins: Pick<Workflow, "stop">;
  clock: Clock;
  /** Reports a workflow that could not be stopped, by debrief id only (the caller's logger). */
  onStopFailed?: (debriefId: string, error: unknown) => void;
};
