import { describe, expect, it } from "vitest";
import { CLAIM_TAG, claimConfirmationFromSesEvent, claimIdentity, newClaimId, parseClaimIdentity } from "./send-claims";

const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

/** What SES publishes to EventBridge for a message of the configuration set (the fields read here and a few more). */
const sesEvent = (eventType: string, tags: Record<string, string[]>, detailType = "Email Sent") => ({
  version: "0",
  "detail-type": detailType,
  source: "aws.ses",
  detail: {
    eventType,
    mail: {
      timestamp: "2026-12-07T10:00:00.000Z",
      messageId: "0100018c-ses-message",
      destination: ["amira@example.com"],
      headersTruncated: true,
      tags: { "ses:configuration-set": ["Sending"], "ses:from-domain": ["example.com"], ...tags },
    },
    ...(eventType === "Delivery" ? { delivery: { recipients: ["amira@example.com"] } } : { send: {} }),
  },
});

describe("claim identities", () => {
  it("round-trip through the form an SES message tag allows (letters, digits, _ and -)", () => {
    const ref = { debriefId: ID, kind: "checkin14" as const, claim: newClaimId() };
    const identity = claimIdentity(ref);
    expect(identity).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(parseClaimIdentity(identity)).toEqual(ref);
  });

  it("refuse what is not one: an unknown kind, a missing part, other characters", () => {
    expect(parseClaimIdentity(`${ID}_postcard_0123456789abcdef`)).toBeUndefined();
    expect(parseClaimIdentity(`${ID}_letter`)).toBeUndefined();
    expect(parseClaimIdentity(`${ID}_letter_0123456789abcdef_x`)).toBeUndefined();
    expect(parseClaimIdentity(`${ID}_letter_ZZZZ`)).toBeUndefined();
    expect(parseClaimIdentity("")).toBeUndefined();
  });

  it("differ for each new claim", () => {
    expect(new Set(Array.from({ length: 100 }, newClaimId)).size).toBe(100);
  });
});

describe("SES events that confirm a claim", () => {
  const identity = claimIdentity({ debriefId: ID, kind: "letter", claim: "0123456789abcdef" });

  it("read the claim from the message tag of a Send and of a Delivery event, with SES's message id", () => {
    for (const [eventType, detailType] of [
      ["Send", "Email Sent"],
      ["Delivery", "Email Delivered"],
    ] as const) {
      expect(claimConfirmationFromSesEvent(sesEvent(eventType, { [CLAIM_TAG]: [identity] }, detailType))).toEqual({
        debriefId: ID,
        kind: "letter",
        claim: "0123456789abcdef",
        confirmation: { messageId: "0100018c-ses-message", event: eventType, at: "2026-12-07T10:00:00.000Z" },
      });
    }
    // The bare SES event (an SNS destination) as well.
    expect(claimConfirmationFromSesEvent(sesEvent("Send", { [CLAIM_TAG]: [identity] }).detail)?.claim).toBe(
      "0123456789abcdef",
    );
  });

  it("ignore other events, messages without a claim, and claims that do not parse", () => {
    expect(claimConfirmationFromSesEvent(sesEvent("Bounce", { [CLAIM_TAG]: [identity] }))).toBeUndefined();
    expect(claimConfirmationFromSesEvent(sesEvent("Open", { [CLAIM_TAG]: [identity] }))).toBeUndefined();
    expect(claimConfirmationFromSesEvent(sesEvent("Send", {}))).toBeUndefined();
    expect(claimConfirmationFromSesEvent(sesEvent("Send", { [CLAIM_TAG]: ["nonsense"] }))).toBeUndefined();
    expect(claimConfirmationFromSesEvent(null)).toBeUndefined();
    expect(claimConfirmationFromSesEvent({ detail: { eventType: "Send" } })).toBeUndefined();
  });
});
