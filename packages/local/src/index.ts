export { LAMBDA_NODE_VERSION, type LambdaBundles, lambdaBundles, lambdaNode } from "./bundles";
export { ensureTable, startDynamo } from "./dynamo";
export { localJobInterval, MIN_LOCAL_JOB_INTERVAL_MS } from "./jobs";
export { type BundledLambdas, fromHttpResult, startBundledLambdas, toHttpEvent } from "./lambda";
export { sesEmulatorStore, startSes } from "./ses";
export { sesEvent, sesMessageEvents } from "./ses-events";
export { LOCAL_OPERATIONS_TIMING, type LocalStack, type LocalStackOptions, startLocalStack } from "./stack";
export { startLocalStepFunctions } from "./stepfunctions/service";
export type { Definition } from "./stepfunctions/timing";
