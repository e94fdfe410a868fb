import type { BundledLambdas } from "@debrief/local";
import { startTestStack, type TestStack } from "@debrief/testkit/stack";

export type BundleStack = TestStack & { lambdas: BundledLambdas };

/**
 * The local stack in bundled mode: the emulators, and every function as `sst deploy`
 * uploads it, run on Node 22 with its template's settings. Workflow days last an
 * hour and the scheduled jobs are off (the tests invoke their bundles), so nothing a
 * test did not invoke runs meanwhile (except each new debrief's letter).
 */
export async function startBundleStack(env: Record<string, string> = {}): Promise<BundleStack> {
  const stack = await startTestStack({ lambda: "bundled", localDaySeconds: 3600, env, scheduledJobs: false });
  if (!stack.lambdas) throw new Error("The stack did not start its bundled functions");
  return stack as BundleStack;
}

type HttpEvent = {
  version: "2.0";
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  headers: Record<string, string>;
  cookies?: string[];
  requestContext: Record<string, unknown>;
  body?: string;
  isBase64Encoded: boolean;
};

/** An HTTP API payload 2.0 event, as API Gateway builds it for a request to the $default route. */
export function httpEvent(
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string; base64?: boolean; host?: string; cookies?: string[] } = {},
): HttpEvent {
  const [rawPath = "/", rawQueryString = ""] = path.split("?");
  const host = opts.host ?? "abc123.execute-api.eu-west-1.amazonaws.com";
  const now = new Date();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    headers: { host, "user-agent": "bundle-test", ...opts.headers },
    // API Gateway hands the request's cookies over apart from the headers.
    ...(opts.cookies ? { cookies: opts.cookies } : {}),
    requestContext: {
      accountId: "000000000000",
      apiId: "abc123",
      domainName: host,
      domainPrefix: host.split(".")[0],
      http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "198.51.100.7", userAgent: "bundle-test" },
      requestId: `req-${now.getTime()}`,
      routeKey: "$default",
      stage: "$default",
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(opts.body === undefined
      ? { isBase64Encoded: false }
      : {
          body: opts.base64 ? Buffer.from(opts.body).toString("base64") : opts.body,
          isBase64Encoded: opts.base64 === true,
        }),
  };
}

export type HttpResult = {
  statusCode: number;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
};

/** The result's body as text (decoded when the handler base64-encoded it). */
export const bodyOf = (r: HttpResult) =>
  r.body === undefined ? "" : r.isBase64Encoded ? Buffer.from(r.body, "base64").toString("utf8") : r.body;
