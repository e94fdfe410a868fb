export { CENTRE_INDEX } from "./centre-index";
export { centreKeys, createDynamoCentreStore } from "./centre-store";
export { createDynamoClient } from "./dynamo-client";
export { createDynamoRateCounter } from "./dynamo-rate-counter";
export { createDynamoStore, keys } from "./dynamo-store";
export { sharedFormSecret } from "./form-secret";
export { createSesMailer } from "./ses-mailer";
export { createSfnWorkflow } from "./sfn-workflow";
export { loadSstSecrets } from "./sst-secrets";
