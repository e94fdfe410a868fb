// The candidate page's only script (served as /assets/candidate.<hash>.js; the CSP allows no inline script):
// a "Copy the letter" button where the clipboard can be used. Without JavaScript the letter is still there to copy.
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
