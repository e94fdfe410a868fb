import {
  CHECKIN_ANSWERS,
  centreSettingsSchema,
  debriefInputSchema,
  FUNNEL_STAGES,
  MIN_GROUP_SIZE_BOUNDS,
  RATE_STAGES,
} from "@debrief/core";
import { z } from "zod";

/** The centre admin API's response bodies: its routes validate and document with these. */
const count = z.number().int().min(0).nullable().meta({
  description:
    "Distinct students; null: suppressed (fewer than minGroupSize, or a count from which such a number could be subtracted out)",
});
const rate = z.number().min(0).max(1).nullable().meta({
  description: "The stage's share of the group's students (three decimals); null whenever either count is null",
});
export const funnelRowSchema = z
  .object({
    group: z.string().meta({ description: "An ISO week (`2026-W48`) or a cohort name" }),
    suppressed: z.boolean().meta({ description: "True when the whole group has fewer than minGroupSize students" }),
    ...Object.fromEntries(FUNNEL_STAGES.map((s) => [s, count])),
    rates: z.object(Object.fromEntries(RATE_STAGES.map((s) => [s, rate]))),
  })
  .meta({ id: "FunnelRow" }) as z.ZodType;

export const centreStatsSchema = z
  .object({
    centre: z.string(),
    generatedAt: z.iso.datetime(),
    minGroupSize: z.number().int().min(MIN_GROUP_SIZE_BOUNDS.min).max(MIN_GROUP_SIZE_BOUNDS.max).meta({
      description: "The smallest group of distinct students shown (10 unless the centre chose another, never below 5)",
    }),
    weeks: z.array(funnelRowSchema).meta({ description: "By the ISO week of each student's first debrief" }),
    cohorts: z.array(funnelRowSchema).meta({ description: "By the cohort of each student's first debrief" }),
  })
  .meta({ id: "CentreStats" });

const shareRowSchema = z
  .object({
    key: z.string().meta({ description: "A situation (`nerves`, …) or a kind of question (`technical`, …)" }),
    students: count,
    rate: rate.meta({ description: "Of the filter's students; null whenever either count is null" }),
  })
  .meta({ id: "ShareRow" });

export const centreInsightsSchema = z
  .object({
    centre: z.string(),
    generatedAt: z.iso.datetime(),
    minGroupSize: z.number().int().min(MIN_GROUP_SIZE_BOUNDS.min).max(MIN_GROUP_SIZE_BOUNDS.max),
    filter: z.object({ cohort: z.string().optional(), from: z.string().optional(), to: z.string().optional() }),
    allWeeks: z.array(z.string()).meta({ description: "Every week with students: what a filter may choose" }),
    weeks: z.array(funnelRowSchema),
    cohorts: z.array(funnelRowSchema),
    students: count.meta({ description: "The filter's students: the shares' denominator" }),
    situations: z.array(shareRowSchema),
    questionTypes: z.array(shareRowSchema),
  })
  .meta({ id: "CentreInsights" });

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
