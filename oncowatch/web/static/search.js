// Full-text search over the stored (redacted) posts.
"use strict";

(() => {
  const form = document.getElementById("filters");
  const results = document.getElementById("results");
  const { el, badge } = OW;

  function hitCard(hit) {
    const labels = (hit.labels || []).filter((label) => label !== hit.primary);
    return OW.postCard(hit, el("span", { class: "labels" }, " ",
      badge(hit.primary, "category primary"), labels.map((label) => [" ", badge(label, "category")]),
      hit.topic_id ? [" ", el("a", { href: `/topics/${encodeURIComponent(hit.topic_id)}`, text: "topic" })] : null));
  }

  async function load(values) {
    if (!values.q) {
      OW.setStatus("search-status", "Type some words to search.");
      return;
    }
    OW.setStatus("search-status", "Searching…");
    try {
      const found = await OW.getJSON("/api/search", values);
      results.replaceChildren(...found.hits.map(hitCard));
      OW.setStatus("search-status", `${OW.fmtNumber(found.total, 0)} posts match; showing ${found.hits.length}.`);
    } catch (error) {
      OW.setStatus("search-status", `Could not search (${error.message}).`, true);
    }
  }

  load(OW.bindForm(form, load));
})();
