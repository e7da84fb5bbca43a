// One topic: facts, hourly volume, category and platform mix, examples and lineage.
"use strict";

(() => {
  const root = document.getElementById("topic");
  const topicId = root.dataset.topicId;
  const { el, badge } = OW;

  function fact(label, value) {
    return [el("dt", { text: label }), el("dd", {}, value)];
  }

  function topicLink(id) {
    if (!id) return "–";
    if (id === topicId) return el("span", { text: id });
    return el("a", { href: `/topics/${encodeURIComponent(id)}`, text: id });
  }

  function showFacts(topic) {
    document.getElementById("topic-label").textContent = topic.label || topic.topic_id;
    const languages = Object.entries(topic.languages || {}).map(([lang, n]) => `${lang} ${n}`).join(", ");
    document.getElementById("topic-facts").replaceChildren(
      el("dl", { class: "facts" },
        fact("id", el("code", { text: topic.topic_id })),
        fact("status", badge(topic.status, `status status-${topic.status}`)),
        fact("size", OW.fmtNumber(topic.size, 0)),
        fact("growth", OW.fmtNumber(topic.growth)),
        fact("born", OW.fmtTime(topic.born)),
        fact("seen", `${OW.fmtTime(topic.first_seen)} – ${OW.fmtTime(topic.last_seen)}`),
        fact("languages", languages || "–"),
        topic.merged_into ? fact("merged into", topicLink(topic.merged_into)) : [],
        fact("key terms", el("span", { class: "terms" }, (topic.key_terms || []).map((t) => badge(t, "term"))))));
  }

  // Hourly bars for a topic of a few days; a longer one reads better per day.
  function showVolume(volume) {
    const hourly = volume.hourly || [];
    const times = hourly.map((h) => Date.parse(h.hour));
    const interval = times.length && Math.max(...times) - Math.min(...times) > 3 * 86400000 ? "1d" : "1h";
    const buckets = interval === "1d"
      ? (volume.daily || []).map((d) => ({ start: `${d.day}T00:00:00Z`, count: d.count }))
      : hourly.map((h) => ({ start: h.hour, count: h.count }));
    const counts = new Map(buckets.map((b) => [b.start, b.count]));
    const labels = OW.bucketRange(buckets.map((b) => b.start), interval);
    const label = interval === "1d" ? "posts per day" : "posts per hour";
    document.getElementById("volume-heading").textContent = interval === "1d" ? "Volume per day" : "Volume per hour";
    OW.drawChart("volume-chart", {
      type: "bar",
      data: { labels, datasets: [{ label, data: labels.map((l) => counts.get(l) || 0), backgroundColor: "#4e79a7" }] },
      options: {
        plugins: { legend: { display: false }, tooltip: { callbacks: { title: (items) => (interval === "1d" ? labels[items[0].dataIndex].slice(0, 10) : OW.fmtTime(labels[items[0].dataIndex])) } } },
        scales: {
          x: { ticks: { maxRotation: 0, autoSkipPadding: 16, callback: (value) => OW.bucketLabel(labels[value], interval) } },
          y: { beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
  }

  function showLineage(events) {
    const box = document.getElementById("topic-lineage");
    if (!events.length) {
      box.replaceChildren(el("p", { class: "hint", text: "No births, merges or splits recorded." }));
      return;
    }
    box.replaceChildren(el("table", { class: "table" },
      el("thead", {}, el("tr", {}, ["when", "event", "topic", "other", "size"].map((h) => el("th", { text: h })))),
      el("tbody", {}, events.map((e) => el("tr", {},
        el("td", { text: OW.fmtTime(e.at) }), el("td", {}, badge(e.event, "event")),
        el("td", {}, topicLink(e.topic_id)), el("td", {}, topicLink(e.other)),
        el("td", { text: e.size === null || e.size === undefined ? "" : OW.fmtNumber(e.size, 0) }))))));
  }

  async function load() {
    OW.setStatus("topic-status", "Loading…");
    try {
      const topic = await OW.getJSON(`/api/topics/${encodeURIComponent(topicId)}`);
      showFacts(topic);
      showVolume(topic.volume || {});
      OW.barChart("category-chart", topic.categories, "posts", true);
      OW.barChart("platform-chart", topic.platforms, "posts", true);
      const examples = topic.examples || [];
      document.getElementById("topic-examples").replaceChildren(...(examples.length
        ? examples.map((post) => OW.postCard(post)) : [el("p", { class: "hint", text: "No examples." })]));
      showLineage(topic.lineage || []);
      OW.setStatus("topic-status", "");
    } catch (error) {
      OW.setStatus("topic-status", `Could not load this topic (${error.message}).`, true);
    }
  }

  load();
})();
