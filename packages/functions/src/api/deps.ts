import type {
  AbuseConfig,
  CentreStore,
  Clock,
  DebriefStore,
  Mailer,
  RateCounter,
  ScheduleConfig,
  Workflow,
} from "@debrief/core";

/** Everything the HTTP app needs, passed in so tests and the local stack wire real adapters the same way. */
export type AppDeps = {
  store: DebriefStore;
  workflow: Workflow;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
  schedule: ScheduleConfig;
  retentionDays: number;
  /** Rate limits, form ticket, bot check (see SECURITY.md). */
  abuse: AbuseConfig;
  rateCounter: RateCounter;
  log: AppLogger;
  /** Career centres (branded links, admin API); the routes are mounted only when it is given. */
  centres?: CentreStore;
};

/** The slice of a logger the app uses; callers pass ids and error names, never personal data. */
export type AppLogger = {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
};
