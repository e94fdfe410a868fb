/**
 * Post-nominal letters typed after a name ("Angela Price, MSN, RN", "Dr. Sam Lee PhD"): degrees,
 * licences, memberships and honours. A greeting never carries them ("Dear Ms Price", not
 * "Dear Angela Price, MSN, RN"); a signature or a reference may, in their own casing. A reviewed
 * list, each in the casing its awarding body uses.
 */
const POST_NOMINALS = [
  // Doctorates and medicine.
  "PhD",
  "DPhil",
  "MD",
  "DO",
  "DDS",
  "DMD",
  "DNP",
  "PsyD",
  "EdD",
  "DBA",
  "PharmD",
  "MBBS",
  "MBChB",
  "FRCS",
  "FRCP",
  "FRCPC",
  "FRACP",
  "FRACS",
  "FACP",
  "FACS",
  "MRCP",
  "MRCS",
  "MRCGP",
  // Nursing, pharmacy and allied health.
  "RN",
  "RGN",
  "RMN",
  "NP",
  "APRN",
  "CRNA",
  "MSN",
  "BSN",
  "BScN",
  "MPharm",
  "RPh",
  "DPT",
  "OTR",
  "LCSW",
  "MSW",
  "MPH",
  // Law, finance, engineering, management.
  "JD",
  "LLB",
  "LLM",
  "Esq",
  "QC",
  "KC",
  "CPA",
  "ACA",
  "FCA",
  "ACCA",
  "FCCA",
  "CIMA",
  "CFA",
  "CFP",
  "PE",
  "PEng",
  "CEng",
  "MICE",
  "FICE",
  "AIA",
  "RIBA",
  "PMP",
  "MBA",
  "MPA",
  "CIPD",
  "MCIPD",
  "FCIPD",
  "SHRM-CP",
  "SHRM-SCP",
  "CISSP",
  // Degrees and teaching.
  "MSc",
  "BSc",
  "MA",
  "BA",
  "MS",
  "BS",
  "MEd",
  "BEd",
  "MFA",
  "MDiv",
  "MPhil",
  "PGCE",
  "QTS",
  // Honours.
  "OBE",
  "MBE",
  "CBE",
  "FRSA",
] as const;

const BY_KEY = new Map<string, string>(POST_NOMINALS.map((p) => [p.toLowerCase().replace(/\./gu, ""), p]));

/** Two-letter ones that are also family names (Ma, Do, Pe, Ms): a credential only after a comma or another credential. */
const ALSO_A_NAME = /^(?:ma|ba|ms|bs|do|pe|np|rn|md|jd|kc|qc)$/u;

/** A post-nominal as typed ("phd", "Ph.D.", "M.B.A") in its own casing, or undefined. */
function credential(word: string): string | undefined {
  return BY_KEY.get(word.toLowerCase().replace(/\./gu, ""));
}

/**
 * A name split from the post-nominal letters typed after it. Only a tail of credentials is
 * taken: after a comma, or after a name of two words or more as a credential is typed (in
 * capitals or its own casing); one that is also a family name ("Jenny Ma", "Lin Do") only after
 * a comma, before another credential, or in capitals after two words.
 */
export function splitCredentials(name: string): { name: string; credentials: string[] } {
  const parts = name.trim().split(/(\s*,\s*|\s+)/u);
  // parts: word, separator, word, …
  const credentials: string[] = [];
  let end = parts.length;
  while (end >= 3) {
    const word = parts[end - 1] ?? "";
    const sep = parts[end - 2] ?? "";
    const c = credential(word);
    if (!c) break;
    const nameWords = parts.slice(0, end - 2).filter((p, k) => k % 2 === 0 && p).length;
    const afterComma = sep.includes(",");
    // Typed as a credential is typed: in capitals, in its own casing, or in a name typed all in lower case.
    const asTyped = word === word.toUpperCase() || word === c || name === name.toLowerCase();
    const clear = ALSO_A_NAME.test(c.toLowerCase())
      ? afterComma || (word === word.toUpperCase() && (credentials.length > 0 || nameWords >= 2))
      : afterComma || (asTyped && nameWords >= 2);
    if (!clear || nameWords < 1) break;
    credentials.unshift(c);
    end -= 2;
  }
  return {
    name: parts
      .slice(0, end)
      .join("")
      .replace(/[\s,]+$/u, ""),
    credentials,
  };
}

/** The name without its post-nominal letters: how a greeting reads it. */
export function withoutCredentials(name: string): string {
  return splitCredentials(name).name;
}
