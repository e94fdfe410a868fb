import { describe, expect, it } from "vitest";
import { SfnError } from "./protocol";
import { serveSfnProtocol } from "./server";

describe("the protocol's HTTP server", () => {
  it("answers an operation named by X-Amz-Target, an SfnError with its type, and anything else as a 500", async () => {
    const server = await serveSfnProtocol(
      {
        Echo: (body) => ({ got: body }),
        Refuse: () => {
          throw new SfnError("ExecutionDoesNotExist", "Execution Does Not Exist");
        },
        Break: () => {
          throw new Error("boom");
        },
      },
      0,
    );
    const call = async (target: string, body = "{}", method = "POST") => {
      const res = await fetch(`http://127.0.0.1:${server.port}/`, {
        method,
        headers: { "x-amz-target": target, "content-type": "application/x-amz-json-1.0" },
        ...(method === "POST" ? { body } : {}),
      });
      return [res.status, await res.json(), res.headers.get("content-type")];
    };
    try {
      expect(await call("AWSStepFunctions.Echo", '{"a":1}')).toEqual([
        200,
        { got: { a: 1 } },
        "application/x-amz-json-1.0",
      ]);
      expect(await call("AWSStepFunctions.Refuse")).toEqual([
        400,
        { __type: "ExecutionDoesNotExist", message: "Execution Does Not Exist" },
        "application/x-amz-json-1.0",
      ]);
      expect((await call("AWSStepFunctions.Break"))[0]).toBe(500);
      expect((await call("AWSStepFunctions.Nope"))[1]).toMatchObject({ __type: "UnknownOperationException" });
      expect((await call("AWSStepFunctions.Echo", "", "GET"))[1]).toMatchObject({
        __type: "UnknownOperationException",
      });
    } finally {
      await server.close();
    }
  });
});
