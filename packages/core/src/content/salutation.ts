import type { CourtesyTitle, Tone } from "../debrief/schema";
import { withoutCredentials } from "../debrief/tidy/credentials";
import { collapseSpaces, tidyName, tidySalutation } from "../debrief/tidy/sentences";

/** Titles that go with a surname ("Dr. O'Connor"); a job title ("Head of Analytics") is not one of them. */
const HONORIFIC =
  /^(?:mr|mrs|ms|mx|miss|dr|prof|professor|sir|dame|rev|revd|reverend|fr|father|sr|sister|capt|captain|judge|lord|lady|herr|frau|sra?|srta|mme|mlle|m)\.?$/iu;
/** Academic and medical titles: typed with the name or as the title, they are how the person is addressed. */
const EARNED = /^(?:dr|doctor|prof|professor)\.?$/iu;
/** Lower-case words inside a family name ("van der Berg", "de la Cruz"). */
const PARTICLE = /^(?:van|der|den|de|del|della|di|da|das|do|dos|du|von|zu|la|le|bin|binti|al|el|y)$/u;

export function isHonorific(word: string): boolean {
  return HONORIFIC.test(word.trim());
}

const COURTESY: Record<Exclude<CourtesyTitle, "none">, string> = { ms: "Ms", mr: "Mr", mx: "Mx" };

export type Person = { name: string; title?: string; courtesyTitle?: CourtesyTitle; salutation?: string };

/**
 * A name without what follows its comma when every part there reads as a qualification the
 * reviewed list lacks ("Helen Park, FRPharmS"): a short word with two capitals or more.
 */
function afterCommaCredentials(name: string): string {
  const [head = "", ...rest] = name.split(",");
  const credential = /^(?=(?:\P{Lu}*\p{Lu}){2})[\p{L}.()-]{2,10}$/u;
  const all =
    rest.length > 0 &&
    rest.every((r) =>
      r
        .trim()
        .split(/\s+/u)
        .every((w) => credential.test(w)),
    );
  return all ? head.trim() : name;
}

/** A person's name read for a greeting: a title typed before it, the name, and its given and family parts when clear. */
function readName(p: Person) {
  // Degrees and qualifications typed with the name go on an envelope, never in a greeting.
  const words = afterCommaCredentials(withoutCredentials(tidyName(p.name)))
    .split(" ")
    .filter(Boolean);
  // A title typed as the name's first word ("Dr. Zoë Brontë", "Mr. Daniel Price") counts like the title field.
  const lead = words.length > 1 && isHonorific(words[0] ?? "") ? words.shift() : undefined;
  const typedTitle = p.title ? collapseSpaces(p.title) : "";
  const earned = EARNED.test(typedTitle) ? typedTitle : lead && EARNED.test(lead) ? lead : undefined;
  // Given + family: two words, or a given name and a family name with particles ("Jan van der Berg").
  const clear = words.length === 2 || (words.length > 2 && words.slice(1, -1).every((w) => PARTICLE.test(w)));
  return {
    typed: [lead, ...words].filter(Boolean).join(" "),
    full: words.join(" "),
    lead,
    typedTitle,
    earned,
    given: clear ? words[0] : undefined,
    family: clear ? words.slice(1).join(" ") : undefined,
    /** All but the first word: what a title goes with when the name's parts are not clear. */
    rest: words.length > 1 ? words.slice(1).join(" ") : words.join(" "),
  };
}

/** The courtesy title the candidate chose, else one typed in the title field or before the name; "none" is none. */
function courtesyWord(p: Person, n: ReturnType<typeof readName>): string | undefined {
  if (p.courtesyTitle === "none") return undefined;
  if (p.courtesyTitle) return COURTESY[p.courtesyTitle];
  if (isHonorific(n.typedTitle)) return n.typedTitle;
  return n.lead;
}

/**
 * How a letter in this tone addresses someone when the candidate has not said. An
 * academic or medical title typed in the name or the title field wins in every tone
 * ("Dr. Okoye"). Formal: the courtesy title with the family name ("Ms Kowalski"), else the
 * full name. Warm and concise: the given name when the name reads as given + family name,
 * else the full name. Nothing is guessed from the name's language or from gender: the
 * candidate says how the person is addressed, on the form and on their page.
 */
export function greetingFor(p: Person, tone: Tone): string {
  const n = readName(p);
  if (n.earned) return `${n.earned} ${n.family ?? n.rest}`;
  if (tone === "formal") {
    const courtesy = courtesyWord(p, n);
    if (courtesy && n.family) return `${courtesy} ${n.family}`;
    return courtesy && n.full.split(" ").length === 1 ? `${courtesy} ${n.full}` : n.full;
  }
  return n.given ?? n.typed;
}

/**
 * The forms of address the candidate page offers for this person: the formal one with a
 * title (when a title is known), the given name (when the name's parts are clear) and the
 * full name, each once.
 */
export function greetingForms(p: Person): string[] {
  const n = readName(p);
  const courtesy = courtesyWord(p, n);
  const titled = n.earned ?? courtesy;
  const forms = [
    titled && (n.family || n.full.split(" ").length === 1) ? `${titled} ${n.family ?? n.full}` : undefined,
    n.earned ? `${n.earned} ${n.rest}` : undefined,
    n.given,
    n.full,
  ];
  return [...new Set(forms.filter((f): f is string => Boolean(f)))];
}

/** The salutation a letter uses: the one the candidate confirmed, which wins over everything, else by tone. */
export function salutationFor(p: Person, tone: Tone): string {
  const confirmed = p.salutation ? tidySalutation(p.salutation) : "";
  return confirmed || greetingFor(p, tone);
}
