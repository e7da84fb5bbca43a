// Topics: the live topics, newest activity first, with their key terms and two examples.
"use strict";

(() => {
  const form = document.getElementById("filters");
  const list = document.getElementById("topic-list");
  const { el, badge } = OW;

  function topicCard(topic) {
    const examples = (topic.examples || []).slice(0, 2);
    return el("article", { class: "card topic", dataset: { topicId: topic.topic_id } },
      el("header", { class: "card-head" },
        el("h2", {}, el("a", { href: `/topics/${encodeURIComponent(topic.topic_id)}`, class: "topic-link", text: topic.label || topic.topic_id })),
        badge(topic.status, `status status-${topic.status}`)),
      el("p", { class: "meta" },
        el("span", {}, "size ", el("strong", { text: OW.fmtNumber(topic.size, 0) })), " · ",
        el("span", {}, "growth ", el("strong", { text: OW.fmtNumber(topic.growth) })), " · ",
        `seen ${OW.fmtTime(topic.first_seen)} – ${OW.fmtTime(topic.last_seen)}`),
      el("p", { class: "terms" }, (topic.key_terms || []).map((term) => badge(term, "term"))),
      examples.map((post) => OW.postCard(post)));
  }

  async function load(values) {
    OW.setStatus("topics-status", "Loading…");
    try {
      const topics = await OW.getJSON("/api/topics", { status: values.status, since: values.since, limit: 100 });
      list.replaceChildren(...topics.map(topicCard));
      OW.setStatus("topics-status", topics.length ? `${topics.length} topics` : "No topics match these filters.");
    } catch (error) {
      OW.setStatus("topics-status", `Could not load the topics (${error.message}).`, true);
    }
  }

  load(OW.bindForm(form, load));
})();
