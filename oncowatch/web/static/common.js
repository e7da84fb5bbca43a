// Shared helpers of the dashboard pages: API calls, safe element building, forms, charts.
// Data from the API is only ever written as text (textContent), never parsed as markup.
"use strict";

const OW = (() => {
  // Charts are drawn at once: no animation, so what a screenshot or a test sees is final.
  if (window.Chart) {
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  }

  const CATEGORY_COLOURS = {
    awareness: "#1f77b4", care_access: "#17becf", emotional_distress: "#9467bd",
    financial_support: "#8c564b", miracle_cure: "#d62728", new_therapy: "#2ca02c",
    other: "#7f7f7f", peer_support: "#bcbd22", privacy_leak: "#e377c2", scam_ad: "#ff7f0e",
  };
  const SEVERITY_COLOURS = { low: "#f2c94c", medium: "#f2994a", high: "#eb5757", critical: "#8b0000" };
  const SEVERITY_RANK = { low: 0, medium: 1, high: 2, critical: 3 };
  const EXTRA_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

  function colour(key, index) {
    return CATEGORY_COLOURS[key] || EXTRA_COLOURS[index % EXTRA_COLOURS.length];
  }

  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  function apiUrl(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== "" && value !== null && value !== undefined && value !== false) url.searchParams.set(key, value);
    }
    return url;
  }

  async function failure(response) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      if (body && body.detail) detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch (_) { /* not JSON */ }
    if (response.status === 401) {
      window.location.assign("/login?next=" + encodeURIComponent(window.location.pathname + window.location.search));
    }
    return new Error(`${response.status}: ${detail}`);
  }

  async function getJSON(path, params) {
    const response = await fetch(apiUrl(path, params), { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) throw await failure(response);
    return response.json();
  }

  async function postJSON(path) {
    const response = await fetch(apiUrl(path), {
      method: "POST", credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRF-Token": csrfToken() },
    });
    if (!response.ok) throw await failure(response);
    const type = response.headers.get("content-type") || "";
    return type.includes("json") ? response.json() : null;
  }

  // el("a", {href: "/x", class: "y"}, "text", child) builds an element; strings become text nodes.
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "onclick") node.addEventListener("click", value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function badge(text, kind) {
    return el("span", { class: `badge ${kind || ""}`.trim(), text });
  }

  function setStatus(id, text, isError) {
    const node = document.getElementById(id);
    if (!node) return;
    node.textContent = text || "";
    node.classList.toggle("error", Boolean(isError));
  }

  // "2026-11-03T14:05:00Z" -> "2026-11-03 14:05 UTC" (every time in the store is UTC).
  function fmtTime(iso) {
    if (!iso) return "";
    return `${String(iso).slice(0, 10)} ${String(iso).slice(11, 16)} UTC`;
  }

  function fmtNumber(value, digits) {
    if (value === null || value === undefined) return "–";
    return Number(value).toLocaleString("en", { maximumFractionDigits: digits === undefined ? 2 : digits });
  }

  // Forms mirror the page's query string, so a filtered view can be bookmarked and reloaded.
  function bindForm(form, onChange) {
    const query = new URLSearchParams(window.location.search);
    for (const field of form.elements) {
      if (!field.name || !query.has(field.name)) continue;
      if (field.type === "checkbox") field.checked = query.get(field.name) === field.value;
      else field.value = query.get(field.name);
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const values = formValues(form);
      const search = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ""));
      window.history.replaceState(null, "", `${window.location.pathname}${search.size ? "?" + search : ""}`);
      onChange(values);
    });
    return formValues(form);
  }

  function formValues(form) {
    const values = {};
    for (const field of form.elements) {
      if (!field.name) continue;
      if (field.type === "checkbox") values[field.name] = field.checked ? field.value : "";
      else values[field.name] = field.value.trim();
    }
    return values;
  }

  // Chart.js keeps one chart per canvas: replace it when the data changes.
  function drawChart(canvasId, config) {
    const canvas = document.getElementById(canvasId);
    const previous = Chart.getChart(canvas);
    if (previous) previous.destroy();
    return new Chart(canvas, config);
  }

  function barChart(canvasId, counts, label, horizontal) {
    const entries = Object.entries(counts || {}).sort((a, b) => b[1] - a[1]);
    return drawChart(canvasId, {
      type: "bar",
      data: {
        labels: entries.map(([key]) => key),
        datasets: [{ label, data: entries.map(([, n]) => n), backgroundColor: entries.map(([key], i) => colour(key, i)) }],
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { display: false } },
        scales: { [horizontal ? "x" : "y"]: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }

  // Every bucket start from the first to the last (the API lists non-empty buckets only).
  function bucketRange(starts, interval) {
    const step = interval === "1d" ? 86400000 : 3600000;
    const times = starts.map((s) => Date.parse(s)).filter((t) => !Number.isNaN(t));
    if (!times.length) return [];
    const first = Math.min(...times);
    const last = Math.max(...times);
    const out = [];
    for (let t = first; t <= last && out.length < 10000; t += step) out.push(new Date(t).toISOString().replace(".000Z", "Z"));
    return out;
  }

  function bucketLabel(iso, interval) {
    return interval === "1d" ? iso.slice(0, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  }

  function postCard(post, extra) {
    return el("article", { class: "post" },
      el("p", { class: "post-text", dir: "auto", text: post.redacted_text }),
      el("p", { class: "meta" },
        badge(post.platform, "platform"), " ", fmtTime(post.created_at), " ",
        el("code", { class: "post-id", text: post.post_id }), extra || null));
  }

  return {
    CATEGORY_COLOURS, SEVERITY_COLOURS, SEVERITY_RANK, colour, getJSON, postJSON, el, badge, setStatus, fmtTime,
    fmtNumber, bindForm, formValues, drawChart, barChart, bucketRange, bucketLabel, postCard,
  };
})();
