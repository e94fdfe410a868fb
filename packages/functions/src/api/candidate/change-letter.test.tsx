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
    expect(html).toContain('value="references"');
    expect(html.match(/Pick a tone/g)).toHaveLength(1);
    expect(html).toContain('value="Jana"');
  });
});
