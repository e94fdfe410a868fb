// Served from the app itself (no external fonts or scripts), so the CSP can stay strict.

export const APP_CSS = `
:root { --ink:#1f2933; --muted:#52606d; --line:#cbd2d9; --accent:#2f5d8a; --accent-ink:#ffffff; --bad:#b42318; --wash:#f4f6f8; --paper:#fff; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: var(--wash); }
header.site, footer.site { max-width: 44rem; margin: 0 auto; padding: 1rem; }
header.site .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
footer.site { color: var(--muted); font-size: .875rem; }
main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 2rem; background: var(--paper); border-radius: 8px; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
.lede { color: var(--muted); margin-top: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
fieldset { border: 0; border-top: 1px solid var(--line); margin: 1.5rem 0 0; padding: 1rem 0 0; min-width: 0; }
legend { font-size: 1.2rem; font-weight: 700; padding: 0; }
.field { margin: 0 0 1rem; }
.field label { display: block; font-weight: 600; margin-bottom: .25rem; }
.req { font-weight: 400; color: var(--muted); }
.hint { color: var(--muted); font-size: .9rem; margin: 0 0 .35rem; }
.error { color: var(--bad); font-weight: 600; margin: 0 0 .35rem; }
.has-error input, .has-error textarea, .has-error select { border-color: var(--bad); border-width: 2px; }
input[type=text], input[type=email], input[type=url], input[type=date], input[type=time], textarea, select {
  width: 100%; font: inherit; padding: .6rem .7rem; border: 1px solid #7b8794; border-radius: 6px; background: #fff; color: var(--ink); min-height: 2.75rem; }
textarea { resize: vertical; }
.row { display: grid; gap: 0 1rem; grid-template-columns: 1fr; }
@media (min-width: 40rem) { .row { grid-template-columns: 1fr 1fr; } }
.group { border-left: 3px solid var(--line); padding-left: .75rem; margin-bottom: 1rem; }
.checks { display: grid; gap: .25rem; grid-template-columns: 1fr; }
@media (min-width: 40rem) { .checks { grid-template-columns: 1fr 1fr; } }
label.check { display: flex; gap: .5rem; align-items: flex-start; font-weight: 400; padding: .35rem 0; min-height: 2.75rem; }
label.check input { width: 1.25rem; height: 1.25rem; margin-top: .15rem; flex: none; }
button.primary, .button { display: inline-block; font: inherit; font-weight: 700; padding: .75rem 1.25rem; border: 0; border-radius: 6px; background: var(--accent); color: var(--accent-ink); cursor: pointer; min-height: 2.75rem; text-decoration: none; }
button.primary { margin-top: 1.5rem; width: 100%; }
@media (min-width: 40rem) { button.primary { width: auto; } }
.error-summary { border: 3px solid var(--bad); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.error-summary h2 { margin-top: 0; font-size: 1.1rem; }
.error-summary a { color: var(--bad); font-weight: 600; }
.notice { border-left: 5px solid #3f9142; background: #eef7ee; padding: .75rem 1rem; margin-bottom: 1rem; }
.letter { border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem; background: #fbfcfd; white-space: pre-line; }
.statuses { list-style: none; padding: 0; }
.statuses li { display: flex; justify-content: space-between; gap: 1rem; border-bottom: 1px solid var(--line); padding: .5rem 0; }
/* The honeypot: out of sight and out of the tab order; only bots fill it in. */
.hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
`;

export const FORM_JS = `(function () {
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
  var form = document.querySelector("form[data-draft]");
  if (!form) return;
  var tz = "";
  try { tz = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) {}
  document.querySelectorAll("input[data-detect-time-zone]").forEach(function (input) { if (!input.value && tz) input.value = tz; });
  // Drafts survive a reload: kept in this browser only, cleared when the form is sent.
  var key = "debrief-draft:" + form.getAttribute("data-draft");
  var hasServerValues = !!summary;
  try {
    var saved = JSON.parse(localStorage.getItem(key) || "null");
    if (saved && !hasServerValues) {
      Object.keys(saved).forEach(function (name) {
        var fields = form.elements.namedItem(name);
        if (!fields) return;
        var list = fields instanceof RadioNodeList ? Array.prototype.slice.call(fields) : [fields];
        list.forEach(function (el) {
          if (el.type === "checkbox") el.checked = saved[name].indexOf(el.value) !== -1;
          else if (el.type !== "hidden") el.value = saved[name][0] || "";
        });
      });
    }
  } catch (e) {}
  function save() {
    var data = {};
    new FormData(form).forEach(function (value, name) { (data[name] = data[name] || []).push(String(value)); });
    try { localStorage.setItem(key, JSON.stringify(data)); } catch (e) {}
  }
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  form.addEventListener("submit", function () { try { localStorage.removeItem(key); } catch (e) {} });
})();
`;
