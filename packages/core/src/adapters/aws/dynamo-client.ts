import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * A DynamoDB client to share between the stores of one process: they then share its
 * keep-alive connections (one TLS handshake after a cold start instead of one per store)
 * and its construction (a few ms of the cold start each).
 */
export const createDynamoClient = () => new DynamoDBClient({});
