// The debrief form's script (served as /assets/form.<hash>.js; the CSP allows no inline script).
// It wires the time zone pickers (the detected zone filled in, the full list searched only when
// asked), moves focus into a row the candidate added, keeps the ids of the opened parts and rows
// in the hidden `opened` field (so a refused form comes back with them open), lets a textarea grow
// where CSS cannot (field-sizing), says when an example gets long, and keeps a draft of the form in
// this browser until it is sent. Everything here is an addition: the form works without it.

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

/**
 * Every zone the server offers, read from the picker's <noscript> select: with scripts running
 * it is inert text, so its options become elements only here, when the candidate asks for them.
 */
function zonesOf(picker) {
  const template = document.createElement("template");
  template.innerHTML = picker.parentElement?.querySelector("noscript")?.textContent || "";
  return Array.from(template.content.querySelectorAll("option"))
    .map((o) => o.value)
    .filter(Boolean);
}

/** A zone as typed (any case, spaces for underscores, a place alone) that this browser knows, or "". */
function zoneNamed(typed, zones) {
  const key = typed.trim().replace(/ /g, "_").toLowerCase();
  if (!key) return "";
  const found = zones.find((z) => z.toLowerCase() === key || z.toLowerCase().endsWith(`/${key}`));
  if (found) return found;
  try {
    return key.includes("/") ? new Intl.DateTimeFormat("en", { timeZone: key }).resolvedOptions().timeZone : "";
  } catch {
    return "";
  }
}

/** Selects `zone` in `select`, adding it at the top of the list when the short list lacks it. */
function choose(select, zone) {
  if (!Array.from(select.options).some((o) => o.value === zone)) {
    const option = new Option(zone, zone);
    const blank = select.options[0];
    if (blank) blank.after(option);
    else select.appendChild(option);
  }
  select.value = zone;
}

/**
 * A picker's select gets its name and id (the label points at it), the detected zone when it
 * is the candidate's and still blank, and the candidate's region first. Its search builds a
 * list of every zone the first time it opens.
 */
function wireTimeZones(form, detected) {
  for (const picker of form.querySelectorAll("[data-time-zone]")) {
    const select = picker.querySelector("select");
    const toggle = picker.querySelector(".tz-search-toggle");
    const box = picker.querySelector(".tz-search");
    const find = box?.querySelector("input");
    if (!select || !toggle || !box || !find) continue;
    select.id = select.getAttribute("data-id") || "";
    select.name = select.getAttribute("data-name") || "";
    if (select.hasAttribute("data-invalid")) select.setAttribute("aria-invalid", "true");
    if (picker.getAttribute("data-time-zone") === "detect" && !select.value && detected) choose(select, detected);
    const region = detected.split("/")[0];
    const home = Array.from(select.querySelectorAll("optgroup")).find(
      (g) => g.querySelector(`option[value="${detected}"]`) || g.getAttribute("data-region") === region,
    );
    const first = select.querySelector("optgroup");
    if (home && first && home !== first) select.insertBefore(home, first);

    const close = () => {
      box.hidden = true;
      toggle.setAttribute("aria-expanded", "false");
    };
    let zones = [];
    toggle.addEventListener("click", () => {
      if (!box.hidden) return close();
      if (!find.getAttribute("list")) {
        zones = zonesOf(picker);
        const list = document.createElement("datalist");
        list.id = `${find.id}-zones`;
        for (const zone of zones) list.appendChild(new Option(zone.replace(/_/g, " "), zone));
        box.appendChild(list);
        find.setAttribute("list", list.id);
      }
      box.hidden = false;
      toggle.setAttribute("aria-expanded", "true");
      find.focus();
    });
    const pick = (zone) => {
      choose(select, zone);
      select.dispatchEvent(new Event("change", { bubbles: true }));
      find.value = "";
      close();
      select.focus();
    };
    // A zone picked from the list, or typed in full, becomes the select's value; Enter takes what
    // was typed (a place alone too) and never sends the form.
    find.addEventListener("input", () => {
      const zone = zones.find((z) => z === find.value);
      if (zone) pick(zone);
    });
    find.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault();
      const zone = zoneNamed(find.value, zones);
      if (zone) pick(zone);
    });
  }
}

/**
 * The browser's own zone. Temporal answers at once where there is one; building the first
 * Intl.DateTimeFormat loads the locale's date patterns (over 100 ms on a slow phone).
 */
function detectedZone() {
  try {
    const temporal = globalThis.Temporal;
    return temporal ? temporal.Now.timeZoneId() : Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch {
    return "";
  }
}

/** Every opened part and row, in the hidden field the server reads when it sends the form back. */
function keepOpened(form) {
  const field = form.elements.namedItem("opened");
  if (!field) return;
  const update = () => {
    field.value = Array.from(form.querySelectorAll("details[open][id]"))
      .map((d) => d.id)
      .join(" ");
  };
  for (const details of form.querySelectorAll("details[id]")) {
    let adding = false;
    // "Add another …" hides once its row shows: focus goes to the row's first field.
    if (details.classList.contains("more-row")) {
      details.querySelector(":scope > summary")?.addEventListener("click", () => {
        adding = !details.open;
      });
    }
    details.addEventListener("toggle", () => {
      update();
      if (details.open && adding) details.querySelector("input, textarea, select")?.focus();
      adding = false;
    });
  }
  update();
}

/** Opens the parts and rows that hold a value the draft put back. */
function openFilled(form) {
  for (const el of form.querySelectorAll("details input, details textarea, details select")) {
    const filled =
      el.type === "checkbox" ? el.checked : el.tagName === "SELECT" ? el.selectedIndex > 0 : el.value.trim() !== "";
    if (!filled || el.type === "hidden" || el.type === "search") continue;
    for (let d = el.closest("details"); d; d = d.parentElement?.closest("details")) d.open = true;
  }
}

/** A textarea grows with its text: CSS does it where `field-sizing` is supported, this elsewhere. */
function growTextareas(form) {
  if (window.CSS?.supports?.("field-sizing", "content")) return;
  const grow = (t) => {
    t.style.height = "auto";
    t.style.height = `${t.scrollHeight + 2}px`;
  };
  form.addEventListener("input", (e) => {
    if (e.target instanceof HTMLTextAreaElement) grow(e.target);
  });
  for (const t of form.querySelectorAll("textarea")) if (t.value) grow(t);
}

(() => {
  const summary = document.getElementById("error-summary") ?? document.getElementById("form-message");
  if (summary) summary.focus();
  const form = document.querySelector("form[data-draft]");
  if (!form) return;
  wireTimeZones(form, detectedZone());
  // The rest in a task of its own, so that no task after the page's own work runs long on a slow phone.
  setTimeout(() => keepDraft(form), 0);
})();

/**
 * Drafts survive a reload (kept in this browser only, cleared when the form is sent); the opened
 * parts, the long-example hints and the growing textareas are wired.
 */
function keepDraft(form) {
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
          else if (el.closest("[data-time-zone]") && saved[name][0]) choose(el, saved[name][0]);
          else if (el.type !== "hidden") el.value = saved[name][0] || "";
        }
      }
      openFilled(form);
    }
  } catch {}
  keepOpened(form);
  hintLongExamples(form);
  growTextareas(form);
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
}
