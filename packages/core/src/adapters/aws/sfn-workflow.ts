import {
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from "@aws-sdk/client-sfn";
import type { Workflow } from "../../ports";

export function createSfnWorkflow(stateMachineArn: string, client = new SFNClient({})): Workflow {
  return {
    async start(input, name = input.debriefId) {
      try {
        // The execution name is the debrief id: a second start of the same debrief is refused by Step Functions.
        await client.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
      } catch (e) {
        if (e instanceof ExecutionAlreadyExists) return;
        throw e;
      }
    },
    async stop(name, reason) {
      const executionArn = `${stateMachineArn.replace(":stateMachine:", ":execution:")}:${name}`;
      try {
        // Stopping a finished execution changes nothing and is not an error.
        await client.send(new StopExecutionCommand({ executionArn, error: "Stopped", cause: reason }));
      } catch (e) {
        if (e instanceof ExecutionDoesNotExist) return;
        throw e;
      }
    },
    async ping() {
      await client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    },
  };
}
