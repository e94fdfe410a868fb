import { describe, expect, it } from "vitest";
import { addressDigest, keyedDigest, legacyAddressDigest, normaliseAddress } from "./digest";

describe("normaliseAddress", () => {
  it.each([
    ["bomb@example.net", "bomb@example.net"],
    ["  Bomb@Example.NET ", "bomb@example.net"],
    ["bomb+1@example.net", "bomb@example.net"],
    ["bomb+a+b@example.net", "bomb@example.net"],
    ["b.o.m.b@gmail.com", "bomb@gmail.com"],
    ["B.o.m.b+x@GoogleMail.com", "bomb@gmail.com"],
    ["bomb@googlemail.com", "bomb@gmail.com"],
    // Dots matter elsewhere, and a leading + is the whole local part, not a tag.
    ["b.o.m.b@example.net", "b.o.m.b@example.net"],
    ["+bomb@example.net", "+bomb@example.net"],
    ["first.last@sub.gmail.com.example", "first.last@sub.gmail.com.example"],
  ])("%s counts as %s", (typed, normal) => expect(normaliseAddress(typed)).toBe(normal));
});

describe("digests", () => {
  it("are keyed: another key gives another digest, and neither is the plain SHA-256", () => {
    const a = addressDigest("k".repeat(32), "bomb@example.net");
    expect(a).not.toBe(addressDigest("j".repeat(32), "bomb@example.net"));
    expect(a).not.toBe(legacyAddressDigest("bomb@example.net"));
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("give one mailbox one digest, and keep addresses and IPs apart", () => {
    const k = "k".repeat(32);
    expect(addressDigest(k, "b.o.m.b+2@googlemail.com")).toBe(addressDigest(k, "bomb@gmail.com"));
    expect(keyedDigest(k, "address", "1.2.3.4")).not.toBe(keyedDigest(k, "ip", "1.2.3.4"));
  });

  it("still name the items stored before keyed digests (the unkeyed SHA-256 of the trimmed, lower-cased address)", () => {
    // The value today's main stored for this address (tokens.addressKey): a fixed vector, so the dual read finds it.
    expect(legacyAddressDigest(" Bomb@Example.net")).toBe("RxW1ESdy2fEkSrlLn6eIs1l5N9cZK49HLz8_NxdmLRs");
  });
});
