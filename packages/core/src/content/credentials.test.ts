import { describe, expect, it } from "vitest";
import { withoutCredentials } from "./credentials";

describe("a name without the letters after it", () => {
  it.each([
    ["Angela Whitfield, MSN, RN", "Angela Whitfield"],
    ["Martin Cole, MRPharmS", "Martin Cole"],
    ["Rosa Delgado, CSCP", "Rosa Delgado"],
    ["Dr. Femi Adeyemi, PhD", "Dr. Femi Adeyemi"],
    ["Jo Park, M.B.A.", "Jo Park"],
    ["Lena Brandt, SHRM-CP", "Lena Brandt"],
    ["Aisha Bello MPharm", "Aisha Bello"],
    ["Tomasz Wrona RN BSN", "Tomasz Wrona"],
    ["Sam Ortiz, Jr.", "Sam Ortiz"],
    // Names stay as typed.
    ["Angela Whitfield", "Angela Whitfield"],
    ["Whitfield, Angela", "Whitfield, Angela"],
    ["Angela McDonald", "Angela McDonald"],
    ["Ewan MacAllister", "Ewan MacAllister"],
    ["Li NA", "Li NA"],
    ["Nguyen Thi Lan", "Nguyen Thi Lan"],
    ["Kai  DE  Souza", "Kai DE Souza"],
  ])("%s → %s", (typed, name) => {
    expect(withoutCredentials(typed)).toBe(name);
  });
});
