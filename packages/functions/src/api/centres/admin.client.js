// A centre's admin page script (served as /assets/centre-admin.<hash>.js): signs in with the key (kept in
// memory only), draws the weekly funnel as a table of bars, lists shared debriefs, and downloads the CSV.
(() => {
  const form = document.getElementById("centre-signin");
  if (!form) return;
  const slug = form.dataset.slug;
  const status = document.getElementById("centre-status");
  const data = document.getElementById("centre-data");
  let key = "";
  const api = (path) => fetch(`/api/centres/${slug}${path}`, { headers: { authorization: `Bearer ${key}` } });
  const el = (tag, text) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const STAGES = [
    ["students", "Students"],
    ["letterSent", "Letter sent"],
    ["secondInterview", "Second interview"],
    ["offer", "Offer"],
  ];

  const drawFunnel = (rows) => {
    const chart = document.getElementById("funnel-chart");
    chart.replaceChildren();
    if (rows.length === 0) {
      chart.append(el("p", "No students yet."));
      return;
    }
    const max = Math.max(1, ...rows.map((r) => r.students || 0));
    const table = el("table");
    table.className = "funnel";
    const head = el("tr");
    head.append(el("th", "Week"));
    for (const [, label] of STAGES) {
      const th = el("th", label);
      th.scope = "col";
      head.append(th);
    }
    const thead = el("thead");
    thead.append(head);
    table.append(thead);
    const tbody = el("tbody");
    for (const r of rows) {
      const tr = el("tr");
      const th = el("th", r.group);
      th.scope = "row";
      tr.append(th);
      for (const [stage] of STAGES) {
        const td = el("td");
        const v = r[stage];
        if (v === null) td.append("hidden");
        else if (v === 0) td.append("0");
        else {
          const bar = el("span");
          bar.className = "bar";
          bar.style.width = `${Math.round((v / max) * 8)}rem`;
          bar.setAttribute("aria-hidden", "true");
          td.append(bar, String(v));
        }
        tr.append(td);
      }
      tbody.append(tr);
    }
    table.append(tbody);
    chart.append(table);
  };

  const drawShared = async () => {
    const list = document.getElementById("shared-list");
    list.replaceChildren();
    const { debriefs } = await (await api("/shared")).json();
    if (debriefs.length === 0) list.append(el("li", "No student has shared a debrief."));
    for (const d of debriefs) {
      const li = el("li");
      const button = el("button", `Open the debrief of ${d.submittedAt.slice(0, 10)}`);
      button.type = "button";
      button.addEventListener("click", async () => {
        const res = await api(`/shared/${d.id}`);
        if (!res.ok) {
          button.replaceWith(el("span", "No longer shared."));
          return;
        }
        const v = await res.json();
        const i = v.debrief.interview;
        button.replaceWith(el("p", `${v.debrief.candidate.name}: ${i.role} at ${i.company} (${i.date})`));
      });
      li.append(button);
      list.append(li);
    }
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    key = form.elements.key.value.trim();
    status.textContent = "Signing in…";
    const res = await api("/stats");
    if (res.status === 401) {
      status.textContent = "That key does not open this centre.";
      data.hidden = true;
      return;
    }
    if (!res.ok) {
      status.textContent = "The statistics could not be loaded. Try again shortly.";
      return;
    }
    const stats = await res.json();
    drawFunnel(stats.weeks, stats.minGroupSize);
    document.getElementById("funnel-hint").textContent =
      `Each student counts once. Groups under ${stats.minGroupSize} students are hidden, and so is any count they could be worked out from.`;
    await drawShared();
    status.textContent = "Signed in.";
    data.hidden = false;
  });

  document.getElementById("csv-link").addEventListener("click", async (event) => {
    event.preventDefault();
    const res = await api("/stats.csv");
    if (!res.ok) {
      status.textContent = "The CSV could not be downloaded.";
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = el("a");
    a.href = url;
    a.download = `${slug}-stats.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  });
})();
