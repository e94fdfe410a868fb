export { createDynamoAccountStore } from "./account-store";
export { createDynamoCentreStore } from "./centre-store";
export { type AwsClients, createAwsClients } from "./clients";
export { createDynamoRateCounter } from "./dynamo-rate-counter";
export { createDynamoStore } from "./dynamo-store";
export { formSecretFor, sharedDigestSecret, sharedFormSecret } from "./form-secret";
export { createSesMailer } from "./ses-mailer";
export { createSfnWorkflow } from "./sfn-workflow";
export {
  ADDRESS_INDEX,
  CENTRE_INDEX,
  documentClient,
  keys,
  STUDENT_INDEX,
  TABLE_INDEXES,
  TTL_ATTRIBUTE,
} from "./table";
