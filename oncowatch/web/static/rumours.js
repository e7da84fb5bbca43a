// Rumour variants: every stored post making the same claim, in families with their stance.
"use strict";

(() => {
  const form = document.getElementById("claim-form");
  const { el, badge } = OW;

  function familyCard(family) {
    const rep = family.representative;
    return el("article", { class: "card family", dataset: { stance: family.stance } },
      el("header", { class: "card-head" },
        el("h3", {}, badge(family.stance, `stance stance-${family.stance}`), " ",
          el("span", { text: `${OW.fmtNumber(family.count, 0)} post${family.count === 1 ? "" : "s"}` })),
        el("code", { class: "post-id", text: rep.post_id })),
      el("p", { class: "post-text", dir: "auto", text: rep.redacted_text }));
  }

  function showTimeline(timeline) {
    const counts = new Map(timeline.map((d) => [d.day.slice(0, 10), d.count]));
    const labels = OW.bucketRange(timeline.map((d) => `${d.day.slice(0, 10)}T00:00:00Z`), "1d").map((s) => s.slice(0, 10));
    OW.drawChart("timeline-chart", {
      type: "bar",
      data: { labels, datasets: [{ label: "variants", data: labels.map((d) => counts.get(d) || 0), backgroundColor: "#d62728" }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  async function load(values) {
    if (!values.text) {
      OW.setStatus("rumour-status", "Paste a claim to find its variants.");
      return;
    }
    OW.setStatus("rumour-status", "Searching…");
    try {
      const found = await OW.getJSON("/api/variants", { text: values.text, since: values.since, until: values.until });
      document.getElementById("variant-total").textContent = OW.fmtNumber(found.total, 0);
      document.getElementById("family-count").textContent = OW.fmtNumber(found.families.length, 0);
      document.getElementById("families").replaceChildren(...found.families.map(familyCard));
      document.getElementById("rumour-result").hidden = false;
      showTimeline(found.timeline || []);
      OW.barChart("platform-chart", found.platforms, "variants", true);
      OW.setStatus("rumour-status", found.total ? "" : "No stored post makes this claim.");
    } catch (error) {
      OW.setStatus("rumour-status", `Could not search (${error.message}).`, true);
    }
  }

  load(OW.bindForm(form, load));
})();
