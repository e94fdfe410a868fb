import { composeLetter, debriefInputSchema, keptAsTyped, letterAsText } from "@debrief/core";
import { PERSONA_SUBMITTED_AT } from "@debrief/testkit/personas";
import { typedPersonas } from "@debrief/testkit/typed-personas";
import { describe, expect, it } from "vitest";

/**
 * The letters of the ten debriefs typed as hurried candidates type them, in the tone and length
 * each chose, with what the tidy step kept as typed: golden files to read in review whenever the
 * tidy step or the composer changes (`pnpm vitest run tests/grammar/typed-letters.test.ts -u`).
 */
describe("golden letters of the personas as typed", () => {
  for (const p of typedPersonas(PERSONA_SUBMITTED_AT)) {
    it(p.key, async () => {
      const input = debriefInputSchema.parse(p.body);
      const letter = composeLetter(input);
      const kept = keptAsTyped(input).map(
        (k) => `- ${k.field}: "${k.word}" ${k.why}${k.suggestion ? ` (${k.suggestion}?)` : ""}`,
      );
      const text = [
        `Subject: ${letter.subject}`,
        "",
        letterAsText(letter),
        "",
        `Kept as typed: ${kept.length ? `\n${kept.join("\n")}` : "nothing"}`,
        `An advisor watches for: ${p.watch.join("; ")}`,
        "",
      ].join("\n");
      await expect(text).toMatchFileSnapshot(`./__golden__/typed/${p.key}.txt`);
    });
  }
});
