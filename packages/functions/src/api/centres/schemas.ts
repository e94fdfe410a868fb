import { CHECKIN_ANSWERS, centreSettingsSchema, debriefInputSchema, FUNNEL_STAGES } from "@debrief/core";
import { z } from "zod";

/** The centre admin API's response bodies: its routes validate and document with these. */
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
