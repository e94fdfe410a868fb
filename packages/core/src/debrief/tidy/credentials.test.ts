import { describe, expect, it } from "vitest";
import { splitCredentials, withoutCredentials } from "./credentials";

describe("post-nominal letters after a name", () => {
  it("splits them off in their own casing, however they were typed", () => {
    expect(splitCredentials("Maria Lopez, MSN, RN")).toEqual({ name: "Maria Lopez", credentials: ["MSN", "RN"] });
    expect(splitCredentials("Dr. Kofi Boateng PhD")).toEqual({ name: "Dr. Kofi Boateng", credentials: ["PhD"] });
    expect(splitCredentials("ruth adler, msc, rgn")).toEqual({ name: "ruth adler", credentials: ["MSc", "RGN"] });
    expect(splitCredentials("Omar Haddad, M.B.A.")).toEqual({ name: "Omar Haddad", credentials: ["MBA"] });
    expect(splitCredentials("Chidi Eze CPA CFA")).toEqual({ name: "Chidi Eze", credentials: ["CPA", "CFA"] });
    expect(splitCredentials("Ines Moreau PE")).toEqual({ name: "Ines Moreau", credentials: ["PE"] });
  });

  it("leaves a family name that is also a credential's letters", () => {
    for (const name of ["Jenny Ma", "Lin Do", "Tom Pe", "Anna Ms", "Wei Ma Chen", "Jenny Ma, MA"]) {
      expect(withoutCredentials(name), name).toBe(name === "Jenny Ma, MA" ? "Jenny Ma" : name);
    }
  });

  it("leaves a name with nothing after it", () => {
    expect(splitCredentials("Siobhán Ní Bhriain")).toEqual({ name: "Siobhán Ní Bhriain", credentials: [] });
  });
});
