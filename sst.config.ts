import type { SSTConfig } from "sst";
import { stacks } from "./infra/stacks";

export default {
  config() {
    return { name: "interview-debrief", region: process.env.AWS_REGION ?? "eu-west-1" };
  },
  stacks,
} satisfies SSTConfig;
