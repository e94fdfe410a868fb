import type { DebriefInput } from "../debrief/schema";

export type Letter = {
  subject: string;
  /** The salutation line, e.g. "Dear Ms Rivera,". */
  greeting: string;
  paragraphs: string[];
  closing: string;
  signature: string;
};

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** The drafted recovery letter: every fact in it comes from the debrief. */
export function composeLetter(d: DebriefInput): Letter {
  const { interview, candidate } = d;
  const who = interview.interviewer.name;
  const greeting = d.tone === "formal" ? `Dear ${who},` : `Hi ${firstName(who)},`;
  const paragraphs: string[] = [];

  paragraphs.push(
    d.tone === "concise"
      ? `Thank you for your time discussing the ${interview.role} role at ${interview.company}.`
      : `Thank you for taking the time to talk with me about the ${interview.role} role at ${interview.company}. I have kept thinking about our conversation since.`,
  );

  if (d.challenges.length > 0) {
    paragraphs.push(`You described what the team is working through: ${d.challenges.join("; ")}.`);
  }
  if (d.skills.length > 0) {
    paragraphs.push(`That is where I can help: ${d.skills.join(", ")}.`);
  }
  for (const q of d.questions) {
    const example = q.example ? ` For example: ${q.example}` : "";
    paragraphs.push(`I would like to answer "${q.question}" more fully. ${q.betterAnswer}${example}`);
  }
  if (d.samples.length > 0) {
    paragraphs.push(
      `Some of my work that relates to the role: ${d.samples.map((s) => `${s.title} (${s.url})`).join(", ")}.`,
    );
  }
  if (d.references.length > 0) {
    paragraphs.push(
      `${d.references.map((r) => `${r.name} (${r.relation})`).join(" and ")} ${d.references.length > 1 ? "have" : "has"} agreed to speak with you about my work.`,
    );
  }
  if (d.plan.length > 0) {
    paragraphs.push(
      "I have sketched how I would approach my first 60 days and would welcome the chance to walk you through it.",
    );
  }
  paragraphs.push(
    `I understand you may decide to go with another candidate. If there is room for another conversation, I would be glad to make the time that suits you.`,
  );

  return {
    subject: `Following up on the ${interview.role} interview`,
    greeting,
    paragraphs,
    closing: d.tone === "formal" ? "Kind regards," : "Best wishes,",
    signature: candidate.name,
  };
}

export function letterAsText(letter: Letter): string {
  return [letter.greeting, ...letter.paragraphs, `${letter.closing}\n${letter.signature}`].join("\n\n");
}
