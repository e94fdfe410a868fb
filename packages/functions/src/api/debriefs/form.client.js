// The debrief form's script (served as /assets/form.<hash>.js; the CSP allows no inline script).
// It fills in the time zone, suggests the salutation, says when an example gets long, and keeps a
// draft of the form in this browser until it is sent.

// The salutation rule of packages/core/src/content/salutation.ts (suggestedSalutation) and the
// name tidying it uses (tidyName in packages/core/src/debrief/tidy.ts), for the browser. A browser
// test types names and titles and compares what this fills in with core's function.
const SPACES = /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/gu;
const collapseSpaces = (s) => s.replace(SPACES, " ").trim();
const HONORIFIC =
  /^(?:mr|mrs|ms|mx|miss|dr|prof|professor|sir|dame|rev|revd|reverend|fr|father|sr|sister|capt|captain|judge|lord|lady|herr|frau|sra?|srta|mme|mlle|m)\.?$/iu;
const isHonorific = (word) => HONORIFIC.test(word.trim());
const PARTICLES = new Set("van der den de del della di da das do dos du von zu la le bin binti al el y".split(" "));
function capitaliseFirst(s) {
  const m = /\p{Ll}/u.exec(s);
  if (!m || /[\p{L}\p{N}]/u.test(s.slice(0, m.index))) return s;
  return s.slice(0, m.index) + m[0].toUpperCase() + s.slice(m.index + 1);
}
function capitalisePart(part) {
  return part
    .split(/(['’-])/u)
    .map((p, i, all) => {
      if (p === "'" || p === "’" || p === "-") return p;
      if (i > 0 && all[i - 1] !== "-" && p.length === 1 && i === all.length - 1) return p;
      const mc = /^mc(\p{L})(.*)$/u.exec(p);
      if (mc) return `Mc${mc[1].toUpperCase()}${mc[2]}`;
      return capitaliseFirst(p);
    })
    .join("");
}
function tidyName(s) {
  const name = collapseSpaces(s).replace(/[\s,;:]+$/u, "");
  if (/\p{Lu}/u.test(name) || !/\p{Ll}/u.test(name)) return name;
  return name
    .split(" ")
    .map((w, i) => (i > 0 && PARTICLES.has(w) ? w : capitalisePart(w)))
    .join(" ");
}
function suggestedSalutation(name, title) {
  const words = tidyName(name).split(" ").filter(Boolean);
  const typedTitle = title ? collapseSpaces(title) : "";
  const lead = words[0] && isHonorific(words[0]) && words.length > 1 ? words.shift() : undefined;
  const honorific = isHonorific(typedTitle) ? typedTitle : lead;
  if (!honorific) return words.join(" ");
  const surname = words.length > 1 ? words.slice(1) : words;
  return `${honorific} ${surname.join(" ")}`;
}

/** Fills in the salutation from the interviewer's name and title as they are typed, until the candidate types their own. */
function prefillSalutation(form) {
  const field = (name) => form.elements.namedItem(name);
  const name = field("interview.interviewer.name");
  const title = field("interview.interviewer.title");
  const salutation = field("interview.interviewer.salutation");
  if (!name || !title || !salutation) return;
  const suggestion = () => suggestedSalutation(name.value, title.value);
  // A value already there (a kept draft, a form sent back) is followed only if it is the suggestion.
  let suggested = salutation.value === "" ? "" : suggestion();
  const follow = () => {
    // The candidate's own salutation stays; an emptied field is filled in again.
    if (salutation.value !== "" && salutation.value !== suggested) return;
    suggested = suggestion();
    salutation.value = suggested;
  };
  name.addEventListener("input", follow);
  title.addEventListener("input", follow);
}

/** A polite status under an example once it passes the length the letter takes (data-long-after). */
function hintLongExamples(form) {
  for (const example of form.querySelectorAll("textarea[data-long-after]")) {
    const limit = Number(example.getAttribute("data-long-after"));
    const status = document.getElementById(example.getAttribute("data-long-status") || "");
    if (!limit || !status) continue;
    let long = false;
    const check = () => {
      const now = example.value.trim().length > limit;
      if (now === long) return;
      long = now;
      status.textContent = now ? status.getAttribute("data-message") || "" : "";
    };
    example.addEventListener("input", check);
    check();
  }
}

(() => {
  const summary = document.getElementById("error-summary") ?? document.getElementById("form-message");
  if (summary) summary.focus();
  const form = document.querySelector("form[data-draft]");
  if (!form) return;
  let tz = "";
  try {
    tz = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch {}
  for (const input of document.querySelectorAll("input[data-detect-time-zone]")) {
    if (!input.value && tz) input.value = tz;
  }
  // Drafts survive a reload: kept in this browser only, cleared when the form is sent. A form the server
  // sent back with the candidate's answers wins over the draft (data-restore-draft is absent then).
  const key = `debrief-draft:${form.getAttribute("data-draft")}`;
  try {
    const saved = JSON.parse(localStorage.getItem(key) || "null");
    if (saved && form.hasAttribute("data-restore-draft")) {
      for (const name of Object.keys(saved)) {
        const fields = form.elements.namedItem(name);
        if (!fields) continue;
        const list = fields instanceof RadioNodeList ? Array.from(fields) : [fields];
        for (const el of list) {
          if (el.type === "checkbox") el.checked = saved[name].indexOf(el.value) !== -1;
          else if (el.type !== "hidden") el.value = saved[name][0] || "";
        }
      }
    }
  } catch {}
  prefillSalutation(form);
  hintLongExamples(form);
  const save = () => {
    const data = {};
    new FormData(form).forEach((value, name) => {
      if (!data[name]) data[name] = [];
      data[name].push(String(value));
    });
    try {
      localStorage.setItem(key, JSON.stringify(data));
    } catch {}
  };
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  form.addEventListener("submit", () => {
    try {
      localStorage.removeItem(key);
    } catch {}
  });
})();
