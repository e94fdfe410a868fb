export { LAMBDA_NODE_VERSION, type LambdaBundles, lambdaBundles, lambdaNode } from "./bundles";
export { sesEvent } from "./dev-routes";
export { ensureTable, startDynamo } from "./dynamo";
export { type BundledLambdas, fromHttpResult, startBundledLambdas, toHttpEvent } from "./lambda";
export { startSes } from "./ses";
export { type LocalStack, type LocalStackOptions, startLocalStack } from "./stack";
export { startLocalStepFunctions } from "./stepfunctions/service";
export type { Definition } from "./stepfunctions/timing";
