// Overview: posts per primary category over time, spike alerts marked on the lines, a summary.
"use strict";

(() => {
  const form = document.getElementById("filters");

  function inRange(iso, since, until) {
    const t = Date.parse(iso);
    if (since && t < Date.parse(since + (since.length <= 16 ? ":00Z" : ""))) return false;
    if (until && t > Date.parse(until + (until.length <= 16 ? ":00Z" : ""))) return false;
    return true;
  }

  // A spike is drawn on its category's line, in the bucket holding the last hour of its window.
  function spikePoints(spikes, labels, lines, interval) {
    const step = interval === "1d" ? 86400000 : 3600000;
    const index = new Map(labels.map((start, i) => [Date.parse(start), i]));
    const points = new Array(labels.length).fill(null);
    const found = new Array(labels.length).fill(null);
    for (const alert of spikes) {
      const lastHour = Date.parse(alert.window_end) - 3600000;
      const i = index.get(lastHour - (lastHour % step));
      if (i === undefined) continue;
      const line = lines.get(alert.category);
      const y = line ? line[i] : alert.observed;
      // The worst severity first: it colours the mark; the tooltip lists them all.
      found[i] = [...(found[i] || []), alert].sort((a, b) => OW.SEVERITY_RANK[b.severity] - OW.SEVERITY_RANK[a.severity]);
      points[i] = Math.max(points[i] ?? 0, y);
    }
    return { points, found };
  }

  function spikeText(alert) {
    const where = alert.platform ? ` on ${alert.platform}` : "";
    return `${alert.severity} spike: ${alert.category}${where}, ${alert.observed} vs ${OW.fmtNumber(alert.expected, 1)} expected`;
  }

  async function load(values) {
    const params = { platform: values.platform, lang: values.lang, since: values.since, until: values.until };
    const interval = values.interval || "1d";
    OW.setStatus("trend-status", "Loading…");
    try {
      const [trends, alerts, dead] = await Promise.all([
        OW.getJSON("/api/trends", { by: "category", interval, ...params }),
        OW.getJSON("/api/alerts", { kind: "spike", since: values.since, limit: 1000 }),
        OW.getJSON("/api/dead-letters", { limit: 1 }),
      ]);
      const labels = OW.bucketRange(trends.series.flatMap((s) => s.buckets.map((b) => b.start)), interval);
      const position = new Map(labels.map((start, i) => [start, i]));
      const lines = new Map();
      let total = 0;
      for (const series of trends.series) {
        const data = new Array(labels.length).fill(0);
        for (const bucket of series.buckets) {
          data[position.get(bucket.start)] = bucket.count;
          total += bucket.count;
        }
        lines.set(series.key, data);
      }
      const spikes = alerts.filter((a) => a.kind === "spike" && inRange(a.window_end, values.since, values.until)
        && (!values.platform || a.platform === values.platform));
      const marks = spikePoints(spikes, labels, lines, interval);
      const datasets = [...lines.entries()].map(([key, data], i) => ({
        type: "line", label: key, data, borderColor: OW.colour(key, i), backgroundColor: OW.colour(key, i),
        borderWidth: 1.5, pointRadius: interval === "1d" ? 2 : 0, pointHoverRadius: 4,
        // Monotone curves never dip below zero between two counts.
        cubicInterpolationMode: "monotone",
      }));
      datasets.push({
        type: "line", label: "spike alerts", data: marks.points, showLine: false, order: -1,
        pointStyle: "triangle", pointRadius: 8, pointHoverRadius: 10,
        pointBackgroundColor: marks.found.map((f) => (f ? OW.SEVERITY_COLOURS[f[0].severity] : "transparent")),
        pointBorderColor: "#222", borderColor: "#222", backgroundColor: OW.SEVERITY_COLOURS.high,
      });
      OW.drawChart("trend-chart", {
        data: { labels, datasets },
        options: {
          interaction: { mode: "index", intersect: false },
          scales: {
            x: { ticks: { maxRotation: 0, autoSkipPadding: 16, callback(value) { return OW.bucketLabel(labels[value], interval); } } },
            y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: interval === "1d" ? "posts per day" : "posts per hour" } },
          },
          plugins: {
            legend: {
              position: "bottom",
              // Categories in order, the spike marks last (they are drawn first, on top of the lines).
              labels: { boxWidth: 12, usePointStyle: true, sort: (a, b) => (a.text === "spike alerts") - (b.text === "spike alerts") || a.datasetIndex - b.datasetIndex },
            },
            tooltip: {
              filter: (item) => item.dataset.label !== "spike alerts" || marks.found[item.dataIndex] !== null,
              callbacks: {
                title: (items) => (items.length ? OW.fmtTime(labels[items[0].dataIndex]) : ""),
                label(item) {
                  if (item.dataset.label !== "spike alerts") return `${item.dataset.label}: ${item.formattedValue}`;
                  return marks.found[item.dataIndex].map(spikeText);
                },
              },
            },
          },
        },
      });
      document.getElementById("total-posts").textContent = OW.fmtNumber(total, 0);
      document.getElementById("spike-count").textContent = OW.fmtNumber(spikes.length, 0);
      document.getElementById("dead-letters").textContent = OW.fmtNumber(dead.total, 0);
      OW.setStatus("trend-status", labels.length ? "" : "No posts match these filters.");
    } catch (error) {
      OW.setStatus("trend-status", `Could not load the data (${error.message}).`, true);
    }
  }

  load(OW.bindForm(form, load));
})();
