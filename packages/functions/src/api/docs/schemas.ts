import { CHECKIN_ANSWERS, centreSettingsSchema, debriefInputSchema, FUNNEL_STAGES } from "@debrief/core";
import { z } from "zod";

/** The response bodies of the JSON API, as zod schemas: the OpenAPI document is generated from these. */
export const errorSchema = z
  .object({
    error: z.string().meta({ description: "A stable machine-readable code, e.g. `invalid`, `unauthorized`" }),
    message: z.string().meta({ description: "What went wrong, in words a person can act on" }),
    fields: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: "Field path (e.g. `candidate.email`) → message, for invalid input" }),
  })
  .meta({ id: "Error" });

export const acceptedSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(["scheduled", "queued"]).meta({
      description: "`scheduled`: the emails' workflow started; `queued`: it will start shortly",
    }),
    page: z.url().meta({ description: "The candidate's private page; its token is the only key to the debrief" }),
  })
  .meta({ id: "Accepted" });

export const healthSchema = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    checks: z.record(z.string(), z.enum(["ok", "unreachable"])),
  })
  .meta({ id: "Health" });

const count = z.number().int().min(0).nullable().meta({
  description: "null: suppressed (1 to 4 students, or a count from which such a number could be subtracted out)",
});
export const funnelRowSchema = z
  .object({
    group: z.string().meta({ description: "An ISO week (`2026-W48`) or a cohort name" }),
    suppressed: z.boolean().meta({ description: "True when the whole group has fewer than 5 students" }),
    ...Object.fromEntries(FUNNEL_STAGES.map((s) => [s, count])),
  })
  .meta({ id: "FunnelRow" }) as z.ZodType;

export const centreStatsSchema = z
  .object({
    centre: z.string(),
    generatedAt: z.iso.datetime(),
    minGroupSize: z.literal(5),
    weeks: z.array(funnelRowSchema),
    cohorts: z.array(funnelRowSchema),
  })
  .meta({ id: "CentreStats" });

export const sharedListSchema = z
  .object({ debriefs: z.array(z.object({ id: z.uuid(), submittedAt: z.iso.datetime() })) })
  .meta({ id: "SharedDebriefs" });

export const sharedDebriefSchema = z
  .object({
    id: z.uuid(),
    submittedAt: z.iso.datetime(),
    debrief: debriefInputSchema,
    cohort: z.string().optional(),
    letterSentAt: z.iso.datetime().optional(),
    checkins: z.record(z.string(), z.object({ answer: z.enum(CHECKIN_ANSWERS), at: z.iso.datetime() })),
  })
  .meta({ id: "SharedDebrief" });

export const centreSchema = centreSettingsSchema
  .extend({ createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() })
  .meta({ id: "Centre" });
