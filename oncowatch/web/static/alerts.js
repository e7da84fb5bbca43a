// Alerts, newest first: what fired, where, how far above expectation, examples, acknowledgement.
"use strict";

(() => {
  const form = document.getElementById("filters");
  const list = document.getElementById("alert-list");
  const { el, badge } = OW;

  function ackedNote(alert) {
    return el("span", { class: "acked", text: `Acknowledged by ${alert.acked_by || "?"} · ${OW.fmtTime(alert.acked_at)}` });
  }

  function ackButton(alert) {
    const button = el("button", { type: "button", class: "ack" }, "Acknowledge");
    button.addEventListener("click", async () => {
      button.disabled = true;
      button.textContent = "Acknowledging…";
      try {
        const body = await OW.postJSON(`/api/alerts/${encodeURIComponent(alert.alert_id)}/ack`);
        const acked = body && body.acked_by ? body : { acked_by: document.body.dataset.user, acked_at: new Date().toISOString() };
        const card = button.closest(".alert");
        card.classList.add("is-acked");
        card.dataset.acked = "true";
        button.replaceWith(ackedNote(acked));
      } catch (error) {
        button.disabled = false;
        button.textContent = "Acknowledge";
        button.after(el("span", { class: "error", text: ` Could not acknowledge (${error.message}).` }));
      }
    });
    return button;
  }

  function subject(alert) {
    const parts = [];
    if (alert.category) parts.push(badge(alert.category, "category"));
    if (alert.platform) parts.push(badge(alert.platform, "platform"));
    if (alert.topic_id) parts.push(el("a", { href: `/topics/${encodeURIComponent(alert.topic_id)}`, text: `topic ${alert.topic_id}` }));
    if (alert.family) parts.push(el("span", { text: `family ${alert.family}` }));
    return parts.flatMap((p) => [p, " "]).concat(parts.length ? ["· "] : []);
  }

  function alertCard(alert) {
    const acked = Boolean(alert.acked_at || alert.acked_by);
    const ratio = alert.expected > 0 ? ` (${OW.fmtNumber(alert.observed / alert.expected, 1)}×)` : "";
    const examples = (alert.examples || []).slice(0, 3);
    const more = (alert.post_ids || []).length - examples.length;
    return el("article", { class: `card alert${acked ? " is-acked" : ""}`, dataset: { alertId: alert.alert_id, acked: String(acked) } },
      el("header", { class: "card-head" },
        el("h2", {}, badge(alert.kind, `kind kind-${alert.kind}`), " ", badge(alert.severity, `sev sev-${alert.severity}`), " ",
          el("span", { text: alert.rule })),
        acked ? ackedNote(alert) : ackButton(alert)),
      el("p", { class: "meta" }, subject(alert),
        `window ${OW.fmtTime(alert.window_start)} – ${OW.fmtTime(alert.window_end)}`),
      el("p", { class: "meta" },
        "observed ", el("strong", { text: OW.fmtNumber(alert.observed, 0) }),
        " vs expected ", el("strong", { text: OW.fmtNumber(alert.expected, 1) }), ratio,
        alert.p_value > 0 ? ` · p = ${Number(alert.p_value).toExponential(1)}` : "",
        alert.escalates ? ` · escalates ${alert.escalates}` : "",
        alert.backfilled ? " · backfilled" : ""),
      examples.map((post) => OW.postCard(post)),
      more > 0 ? el("p", { class: "hint", text: `and ${more} more post${more === 1 ? "" : "s"}` }) : null);
  }

  async function load(values) {
    OW.setStatus("alerts-status", "Loading…");
    try {
      const alerts = await OW.getJSON("/api/alerts", { kind: values.kind, since: values.since, unacked: values.unacked ? "true" : "", limit: 200 });
      list.replaceChildren(...alerts.map(alertCard));
      OW.setStatus("alerts-status", alerts.length ? `${alerts.length} alerts, newest first` : "No alerts match these filters.");
    } catch (error) {
      OW.setStatus("alerts-status", `Could not load the alerts (${error.message}).`, true);
    }
  }

  load(OW.bindForm(form, load));
})();
