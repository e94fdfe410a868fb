// The debrief form's script (served as /assets/form.<hash>.js; the CSP allows no inline script).
// It fills in the time zone, and keeps a draft of the form in this browser until it is sent.
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
