export { LAMBDA_NODE_VERSION, type LambdaBundles, lambdaBundles, lambdaNode } from "./bundles";
export { sesEvent } from "./dev-routes";
export { type BundledLambdas, fromHttpResult, startBundledLambdas, toHttpEvent } from "./lambda";
export { type LocalStack, type LocalStackOptions, startLocalStack } from "./stack";
