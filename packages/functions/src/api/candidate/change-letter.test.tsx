import { letterChoices } from "@debrief/core";
import { personaDebrief } from "@debrief/testkit/personas";
import { describe, expect, it } from "vitest";
import { ChangeLetter } from "./change-letter";

const render = (edited: boolean, errorOf: (form: string, field: string) => string | undefined = () => undefined) => {
  const d = personaDebrief("kate");
  return String(
    <ChangeLetter
      debrief={d}
      base="/d/t"
      edited={edited}
      choices={letterChoices(d)}
      salutation="Jana"
      errorOf={errorOf}
    />,
  );
};

describe("the forms that change the letter", () => {
  it("ask before replacing the candidate's own changes, in each form, and only then", () => {
    expect(render(true).match(/name="replace"/g)).toHaveLength(3);
    expect(render(false)).not.toContain('name="replace"');
  });

  it("offer back each part the composer left out, and show a form's error beside its own field", () => {
    const html = render(false, (form, field) => (form === "tone" && field === "tone" ? "Pick a tone" : undefined));
    expect(html).toContain('value="pairs"');
    expect(html.match(/Pick a tone/g)).toHaveLength(1);
    expect(html).toContain('value="Jana"');
  });

  it("offer the other forms of address, and the tone's own once the candidate chose one", () => {
    const uses = (html: string) => [...html.matchAll(/name="use" value="([^"]*)"/g)].map((m) => m[1]);
    // Petr Dvořák, whose courtesy title is not known: his given and his full name (the letter here says "Jana").
    expect(uses(render(false))).toEqual(["Petr", "Petr Dvořák"]);
    const d = personaDebrief("kate");
    const chosen = { ...d.input.interview.interviewer, salutation: "Petr", courtesyTitle: "mr" as const };
    const input = { ...d.input, interview: { ...d.input.interview, interviewer: chosen } };
    const html = String(
      <ChangeLetter
        debrief={{ ...d, input }}
        base="/d/t"
        edited={false}
        choices={letterChoices({ ...d, input })}
        salutation="Petr"
        errorOf={() => undefined}
      />,
    );
    expect(uses(html)).toEqual(["Mr Dvořák", "Petr Dvořák", "tone"]);
    expect(html).toContain("Let the tone choose (now “Mr Dvořák”)");
  });
});
