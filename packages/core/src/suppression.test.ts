import { describe, expect, it } from "vitest";
import { suppressionsFromSesEvent } from "./suppression";

const bounce = (bounceType: string, ...addresses: string[]) => ({
  eventType: "Bounce",
  bounce: { bounceType, bouncedRecipients: addresses.map((emailAddress) => ({ emailAddress })) },
  mail: { messageId: "m-1" },
});

describe("suppressionsFromSesEvent", () => {
  it("suppresses every recipient of a permanent bounce, from the EventBridge envelope or the bare event", () => {
    const event = bounce("Permanent", "a@example.com", "b@example.com");
    const expected = [
      { address: "a@example.com", reason: "bounce" },
      { address: "b@example.com", reason: "bounce" },
    ];
    expect(suppressionsFromSesEvent({ "detail-type": "Email Bounced", source: "aws.ses", detail: event })).toEqual(
      expected,
    );
    expect(suppressionsFromSesEvent(event)).toEqual(expected);
  });

  it("suppresses complaining recipients", () => {
    const event = { eventType: "Complaint", complaint: { complainedRecipients: [{ emailAddress: "c@example.com" }] } };
    expect(suppressionsFromSesEvent({ detail: event })).toEqual([{ address: "c@example.com", reason: "complaint" }]);
  });

  it("ignores transient and undetermined bounces, other events and malformed input", () => {
    expect(suppressionsFromSesEvent(bounce("Transient", "a@example.com"))).toEqual([]);
    expect(suppressionsFromSesEvent(bounce("Undetermined", "a@example.com"))).toEqual([]);
    expect(suppressionsFromSesEvent({ eventType: "Delivery", delivery: {} })).toEqual([]);
    expect(suppressionsFromSesEvent({ eventType: "Bounce" })).toEqual([]);
    expect(suppressionsFromSesEvent(null)).toEqual([]);
    expect(suppressionsFromSesEvent("Bounce")).toEqual([]);
  });
});
