import { describe, expect, it } from "vitest";
import {
  addressDigest,
  keyedDigest,
  legacyAddressDigest,
  normaliseAddress,
  studentAddress,
  studentDigest,
} from "./digest";

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

describe("studentAddress", () => {
  it.each([
    // One mailbox at a Google Workspace university, under the names that reach it.
    ["samlee@pad.example.edu", "samlee@pad.example.edu"],
    ["Sam.Lee@pad.example.edu", "samlee@pad.example.edu"],
    ["s.a.m.lee+2@PAD.example.edu", "samlee@pad.example.edu"],
    ["sa.m.lee+a+b@pad.example.edu", "samlee@pad.example.edu"],
    ["S.am.Lee@googlemail.com", "samlee@gmail.com"],
    // A local part of dots only, or a leading +, stays what it is; the domain's dots are the domain's.
    ["...@pad.example.edu", "...@pad.example.edu"],
    ["+sam@pad.example.edu", "+sam@pad.example.edu"],
    ["samlee@pad.example.edu.au", "samlee@pad.example.edu.au"],
  ])("%s is the student %s", (typed, student) => expect(studentAddress(typed)).toBe(student));

  it("never splits what normaliseAddress joins", () => {
    for (const a of ["b.o.m.b+1@gmail.com", "Bomb+x@example.net", "x.y@googlemail.com"]) {
      expect(studentAddress(a)).toBe(studentAddress(normaliseAddress(a)));
    }
  });
});

describe("digests", () => {
  it("count a student once under every name of their mailbox, apart from the address digest", () => {
    const k = "k".repeat(32);
    const names = ["samlee+a@pad.example.edu", "sam.lee@pad.example.edu", "s.a.m.l.e.e+b@pad.example.edu"];
    expect(new Set(names.map((a) => studentDigest(k, a))).size).toBe(1);
    expect(studentDigest(k, "samlee@pad.example.edu")).not.toBe(addressDigest(k, "samlee@pad.example.edu"));
    expect(studentDigest(k, "samlee@pad.example.edu")).not.toBe(studentDigest(k, "samlea@pad.example.edu"));
  });

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
