import {
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  SFNClient,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";
import type { Workflow } from "../../ports";

export function createSfnWorkflow(stateMachineArn: string, client = new SFNClient({})): Workflow {
  return {
    async start(input) {
      try {
        // The execution name is the debrief id: a second start of the same debrief is refused by Step Functions.
        await client.send(
          new StartExecutionCommand({ stateMachineArn, name: input.debriefId, input: JSON.stringify(input) }),
        );
      } catch (e) {
        if (e instanceof ExecutionAlreadyExists) return;
        throw e;
      }
    },
    async ping() {
      await client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    },
  };
}
