// The debrief form's script (served as /assets/form.<hash>.js; the CSP allows no inline script).
// It fills in the time zone, says when an example gets long, and keeps a draft of the form in
// this browser until it is sent. The salutation is left empty unless the candidate types one:
// the letter then greets by its tone (core's greetingFor).

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
