import type { Debrief, Workflow } from "@debrief/core";
import { loadConfig, submitDebrief, systemClock } from "@debrief/core";
import { createDynamoStore } from "@debrief/core/aws";
import { validDebrief } from "@debrief/testkit/debriefs";

/** A valid debrief body with its own candidate address (the tests' fixture, reused). */
export const debriefBody = validDebrief;

const startsNothing: Workflow = {
  start: async () => undefined,
  stop: async () => undefined,
  ping: async () => undefined,
};

/**
 * Stores `count` debriefs through the real submission code (validation, schedule, the
 * DynamoDB store, page tokens), against a workflow port that starts nothing: items
 * exactly like real ones, without thousands of executions and letters. Returns their ids.
 */
export async function seedDebriefs(count: number, concurrency = 32): Promise<string[]> {
  const config = loadConfig();
  const store = createDynamoStore(config.tableName);
  const deps = {
    store,
    workflow: startsNothing,
    clock: systemClock,
    schedule: config.schedule,
    retentionDays: config.retentionDays,
  };
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const result = await submitDebrief(debriefBody(), deps);
      if (result.kind !== "accepted") throw new Error(`Seeding a debrief failed: ${result.kind}`);
      ids.push(result.id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return ids;
}

/** Reads a stored debrief through the real store. */
export async function readDebrief(id: string): Promise<Debrief> {
  const config = loadConfig();
  const debrief = await createDynamoStore(config.tableName).get(id, new Date());
  if (!debrief) throw new Error("Seeded debrief not found");
  return debrief;
}
