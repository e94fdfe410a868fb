// The candidate page's only script (served as /assets/candidate.<hash>.js; the CSP allows no inline script):
// a "Copy the letter" button where the clipboard can be used, and the emails' statuses kept current while one is
// on its way. Without JavaScript the letter is still there to copy, and a "Refresh" link reloads the statuses.
(() => {
  const actions = document.querySelector("[data-copy]");
  const source = actions && document.getElementById(actions.getAttribute("data-copy"));
  const status = document.getElementById("copy-status");
  if (!actions || !source) return;
  // The slot app.css reserves for the button is released when there is no clipboard to copy to.
  if (!navigator.clipboard) {
    actions.classList.add("copy-unavailable");
    return;
  }
  const button = document.createElement("button");
  button.type = "button";
  button.className = "secondary";
  button.id = "copy-letter";
  button.textContent = "Copy the letter";
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(source.textContent || "").then(
      () => {
        if (status) status.textContent = "Copied. Paste it into a new email.";
      },
      () => {
        if (status) status.textContent = "Copying did not work: select the letter and copy it.";
      },
    );
  });
  // Into the slot app.css reserved at the end of the row, in the same task: nothing moves.
  actions.appendChild(button);
  actions.classList.add("copy-ready");
})();

// While an email is on its way (the section names its status.json), ask for the statuses again, less often as
// time passes, and write them in place; stop once nothing is pending, after ten minutes, or on an error.
(() => {
  const section = document.querySelector("[data-status-url]");
  const url = section?.getAttribute("data-status-url");
  if (!section || !url) return;
  const started = Date.now();
  let delay = 2000;
  const stop = (why) => section.setAttribute("data-polling", why);
  const poll = () => {
    fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin" })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((answer) => {
        for (const email of answer.emails) {
          const status = document.querySelector(`#status-${email.kind} strong`);
          if (status && status.textContent !== email.status) status.textContent = email.status;
        }
        if (!answer.pending) {
          document.getElementById("statuses-pending")?.remove();
          return stop("done");
        }
        if (Date.now() - started > 600000) return stop("gave-up");
        delay = Math.min(delay * 1.5, 15000);
        setTimeout(poll, delay);
      })
      .catch(() => stop("failed"));
  };
  section.setAttribute("data-polling", "on");
  setTimeout(poll, delay);
})();
