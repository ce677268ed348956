// newsgraph web view: reads /api/* and shows each row's trail back to the characters that state it.
// No framework and no network beyond this server: the page must work offline, like the rest of newsgraph.
// The server's Content-Security-Policy allows this file and style.css only: no inline script, style or handler,
// so keep everything here, and build the page from text nodes (article texts and urls are untrusted input).
// Article ids go into URLs through encodeURIComponent, and come out of the #hash split first, then decoded:
// an id may hold "/" or any character.
"use strict";

const $ = (sel) => document.querySelector(sel);
const articles = new Map();  // article id -> record, fetched once
let view = "timeline";
let currentArticle = null;  // the article the trail shows

// ------------------------------------------------------------------ data

async function api(path, params = {}) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  const res = await fetch(`/api/${path}${qs.toString() ? "?" + qs : ""}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

function filters() {
  return Object.fromEntries(new FormData($("#filters")).entries());
}

// The filters each view understands (the API rejects parameters it does not know, so send only these).
const VIEW_PARAMS = {
  timeline: ["actor", "type", "since", "until"],
  clusters: ["actor", "type", "since", "until"],
  claims: ["speaker"],
  quotes: ["speaker"],
  quantities: ["name"],
  map: ["name"],
  search: ["q"],
};

function paramsFor(v) {
  const all = filters();
  return Object.fromEntries(VIEW_PARAMS[v].map((k) => [k, all[k]]));
}

// ------------------------------------------------------------------ helpers

// A link target from stored data, or null: only http(s). A "javascript:" url would run in this page when
// clicked, a "data:" or "vbscript:" one show or run what the article's source chose; those stay text.
function safeHref(url) {
  try {
    const u = new URL(String(url));
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;  // relative or malformed: nothing to link to
  }
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    // a second guard: no href that is neither this page's own #link nor http(s) is ever set
    else if (k === "href" && !String(v).startsWith("#") && !safeHref(v)) continue;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
}

function badge(text, cls = "") {
  return el("span", { class: `badge ${cls}` }, text);
}

function fmtNumber(v) {
  return v == null ? "" : Number(v).toLocaleString("en");
}

function table(headers, rows, cells, onPick, groupOf) {
  const body = el("tbody");
  let group = null;
  for (const r of rows) {
    const g = groupOf ? groupOf(r) : null;
    if (g !== null && g !== group) {
      body.append(el("tr", { class: "group" }, el("td", { colspan: headers.length }, g)));
      group = g;
    }
    body.append(el("tr", { class: "row", onclick: () => onPick(r) }, ...cells(r).map((c) => el("td", {}, c))));
  }
  return el("table", {}, el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", {}, h)))), body);
}

// The heading an event is filed under: its year when the text gives only a year, else its month.
function periodOf(r) {
  const start = r.time_start || r.published || "", end = r.time_end || start;
  if (!start) return "undated";
  const wholeYear = start.slice(5) === "01-01" && end.slice(5) === "12-31" && start.slice(0, 4) === end.slice(0, 4);
  return wholeYear ? start.slice(0, 4) : start.slice(0, 7);
}

// ------------------------------------------------------------------ views

const VIEWS = {
  async timeline(box) {
    // newest first: the latest reports are what a reader comes for
    const { rows } = await api("events", { ...paramsFor("timeline"), order: "newest", limit: 1000 });
    box.append(el("p", { class: "mute" }, `${rows.length} event reports, newest first, by the time the text gives`
      + " them (the publication date where it gives none)."));
    box.append(table(["when", "type", "who → whom", "status", "evidence"], rows,
      (r) => [r.time || r.published, badge(r.type), `${(r.source || []).join(", ") || "?"} → ${(r.target || []).join(", ") || "?"}`,
        badge(r.status, `status-${r.status}`), r.text],
      (r) => showTrail(r.article_id, r, "event"),
      periodOf));
  },

  async clusters(box) {
    const { rows } = await api("clusters", { ...paramsFor("clusters"), limit: 500 });
    box.append(el("p", { class: "mute" }, "One row per real-world event; reports from several articles merged."));
    box.append(table(["type", "who → whom", "when", "reports", "sources", "label"], rows,
      (r) => [badge(r.type), `${r.source || "?"} → ${r.target || "?"}`, `${r.time_start || ""} … ${r.time_end || ""}`,
        String(r.reports), String(r.sources), r.text],
      async (r) => {
        const first = (r.articles || "").split(",")[0];
        const { rows: evs } = await api("events", { article: first, limit: 2000 });
        const ev = evs.find((e) => e.cluster_id === r.cluster_id);
        showTrail(first, ev || null, "event", `merged event ${r.cluster_id}: ${r.articles}`);
      }));
  },

  async claims(box) {
    const { rows } = await api("claims", { ...paramsFor("claims"), limit: 1000 });
    box.append(table(["who", "how sure", "claim", "source chain"], rows,
      (r) => [r.speaker_name || el("span", { class: "mute" }, "(outlet)"), badge(r.modality), r.text,
        (r.chain || []).map((c) => c.text).join(" ← ")],
      (r) => showTrail(r.article_id, r, "claim")));
  },

  async quotes(box) {
    const { rows } = await api("quotes", { ...paramsFor("quotes"), limit: 1000 });
    box.append(table(["speaker", "kind", "quote"], rows,
      (r) => [r.speaker_name || el("span", { class: "mute" }, "(unresolved)"), badge(r.kind), r.text],
      (r) => showTrail(r.article_id, r, "quote")));
  },

  async quantities(box) {
    const { rows } = await api("quantities", { ...paramsFor("quantities"), limit: 1000 });
    box.append(el("p", { class: "mute" }, "Every figure, oldest report first: filter by what it counts (troops, killed)."));
    box.append(table(["reported", "figure", "counts", "category", "claimed by"], rows,
      (r) => [r.published || "", `${r.bound && r.bound !== "=" ? r.bound + " " : ""}${fmtNumber(r.value)}`
        + (r.high != null ? `–${fmtNumber(r.high)}` : "") + ` ${r.unit || ""}`, r.counted || "", r.category || "",
      r.claimed_by || ""],
      (r) => showTrail(r.article_id, r, "figure")));
  },

  async search(box) {
    const q = filters().q;
    if (!q) {
      box.append(el("p", { class: "mute" }, "Type words in the search box (SQLite FTS5 syntax) and press Apply."));
      return;
    }
    const { rows } = await api("search", { q, limit: 200 });
    box.append(table(["article", "sentence"], rows, (r) => [r.article_id, r.sentence],
      (r) => showTrail(r.article_id, r, "sentence")));
  },

  async map(box) {
    const [{ rows }, topo] = await Promise.all([
      api("map", { ...paramsFor("map"), limit: 2000 }),
      fetch("/static/countries-110m.json").then((r) => r.json()),
    ]);
    box.append(el("p", { class: "mute" }, `${rows.length} resolved places; circle area grows with mentions. `
      + "Grey circles are whole countries (a representative point, not a precise place)."));
    box.append(drawMap(topo, rows));
    box.append(el("div", { id: "map-list" }));
  },
};

// ------------------------------------------------------------------ map

const W = 960, H = 480;
const project = ([lon, lat]) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

// Decode TopoJSON arcs (quantized, delta-encoded) into lon/lat rings.
function decodeArcs(topo) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}

function ringPath(arcs, ring) {
  let d = "", last = null;
  ring.forEach((i, n) => {
    const pts = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    pts.forEach((p, k) => {
      if (n > 0 && k === 0) return;  // arcs share their end points
      const [x, y] = project(p);
      // a jump across the antimeridian starts a new piece instead of a line across the map
      const jump = last && Math.abs(p[0] - last[0]) > 180;
      d += `${d === "" || jump ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
      last = p;
    });
  });
  return d + "Z";
}

function drawMap(topo, rows) {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("class", "map");
  const arcs = decodeArcs(topo);
  for (const g of topo.objects.countries.geometries) {
    if (g.id === "010") continue;  // Antarctica: no news places, and it wraps the whole map
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    const path = document.createElementNS(NS, "path");
    path.setAttribute("class", "country");
    path.setAttribute("d", polys.map((rings) => rings.map((r) => ringPath(arcs, r)).join("")).join(""));
    svg.append(path);
  }
  const max = Math.max(1, ...rows.map((r) => r.mentions));
  for (const r of rows.slice().sort((a, b) => b.mentions - a.mentions)) {
    const [x, y] = project([r.lon, r.lat]);
    const c = document.createElementNS(NS, "circle");
    c.setAttribute("cx", x.toFixed(1));
    c.setAttribute("cy", y.toFixed(1));
    c.setAttribute("r", (2 + 14 * Math.sqrt(r.mentions / max)).toFixed(1));
    c.setAttribute("class", `level-${r.level}`);
    const title = document.createElementNS(NS, "title");
    title.textContent = `${r.name} (${r.level}, ${r.country || "?"}): ${r.mentions} mentions in ${r.articles} articles`;
    c.append(title);
    c.addEventListener("click", () => listPlace(r));
    svg.append(c);
  }
  return svg;
}

async function listPlace(place) {
  const { rows } = await api("places", { name: place.name, limit: 500 });
  const here = rows.filter((r) => r.lat === place.lat && r.lon === place.lon);
  const box = $("#map-list");
  box.replaceChildren(el("h3", {}, `${place.name} — ${place.level}, ${place.country || "?"} `
    + `(${place.lat.toFixed(2)}, ${place.lon.toFixed(2)})`),
  table(["as written", "article", "sentence"], here, (r) => [r.text, r.article_id, r.sentence],
    (r) => showTrail(r.article_id, r, "place")));
}

// ------------------------------------------------------------------ trail

async function showTrail(articleId, item, kind, note = "") {
  const box = $("#trail");
  box.replaceChildren(el("h2", {}, "Trail"), el("p", { class: "mute" }, "loading…"));
  try {
    if (!articles.has(articleId)) articles.set(articleId, await api(`articles/${encodeURIComponent(articleId)}`));
    const art = articles.get(articleId);
    currentArticle = articleId;
    box.replaceChildren(el("h2", {}, art.title || art.id),
      el("div", { class: "meta" }, `${art.id} · published ${art.published || "?"}`,
        sourceLink(art.url),
        note ? el("div", {}, note) : ""),
      details(item, kind), markedText(art, item));
    const mark = box.querySelector("mark");
    if (mark) mark.scrollIntoView({ block: "center" });
  } catch (e) {
    box.replaceChildren(el("h2", {}, "Trail"), el("p", { class: "error" }, e.message));
  }
}

// The article's url as a "source" link when it is http(s), else as plain text: never a link that runs code.
function sourceLink(url) {
  if (!url) return "";
  const href = safeHref(url);
  return el("span", {}, " · ", href
    ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, "source")
    : el("span", { class: "unsafe-url", title: "not an http(s) address, so not a link" }, `source: ${url}`));
}

function details(item, kind) {
  if (!item) return el("p", { class: "mute" }, "(no single item to mark)");
  const dl = el("dl");
  const add = (k, v) => { if (v != null && v !== "" && !(Array.isArray(v) && !v.length)) dl.append(el("dt", {}, k), el("dd", {}, v)); };
  add("item", kind);
  add("characters", el("a", { href: `#article/${encodeURIComponent(item.article_id || currentArticle)}/${item.start}/${item.end}` },
    `${item.start}–${item.end}`));
  for (const k of ["type", "mode", "status", "modality", "kind", "speaker_name", "claimed_by", "bound", "value", "unit",
    "counted", "category", "name", "country", "level", "time"]) add(k, typeof item[k] === "object" ? JSON.stringify(item[k]) : item[k]);
  if (item.source && Array.isArray(item.source) && typeof item.source[0] === "string") add("source", item.source.join(", "));
  if (item.target && Array.isArray(item.target)) add("target", item.target.join(", "));
  if (item.chain) add("source chain", item.chain.map((c) => `${c.text} (${c.relation})`).join(" ← "));
  return dl;
}

// The article text with the item's sentence shaded and its exact characters marked. Built from text nodes,
// never innerHTML: article text is untrusted input.
function markedText(art, item) {
  const text = art.text || "";
  const box = el("div", { class: "text" });
  if (!item || item.start == null) { box.append(text); return box; }
  const sent = (art.sentences || []).find((s) => s.start <= item.start && item.start < s.end)
    || { start: item.start, end: item.end };
  const a = Math.min(sent.start, item.start), b = Math.max(sent.end, item.end);
  box.append(text.slice(0, a),
    el("span", { class: "sentence" }, text.slice(a, item.start), el("mark", {}, text.slice(item.start, item.end)),
      text.slice(item.end, b)),
    text.slice(b));
  return box;
}

// ------------------------------------------------------------------ wiring

async function render() {
  const box = $("#results");
  box.replaceChildren(el("p", { class: "mute" }, "loading…"));
  const out = el("div");
  try {
    await VIEWS[view](out);
    box.replaceChildren(out);
  } catch (e) {
    box.replaceChildren(el("p", { class: "error" }, e.message));
  }
}

// Links: #map, #claims ... open a view; #article/ID/START/END opens the timeline with that trail, so a fact can be
// shared as a link to its characters.
function selectView(name) {
  view = VIEWS[name] ? name : "timeline";
  document.querySelectorAll("#tabs button").forEach((x) => x.classList.toggle("on", x.dataset.view === view));
  render();
}

// The #hash's parts, split on "/" before each is decoded: an encoded "/" in an article id stays in the id.
function hashParts() {
  try {
    return location.hash.slice(1).split("/").map(decodeURIComponent);
  } catch {
    return [];  // a malformed %-escape: open the default view
  }
}

function followHash() {
  const [name, id, start, end] = hashParts();
  if (name === "article" && id) {
    const item = start != null && end != null ? { start: Number(start), end: Number(end) } : null;
    showTrail(id, item, "link");
    if (!$("#results").childElementCount) selectView("timeline");
  } else {
    selectView(name);
  }
}

document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => {
  location.hash = b.dataset.view;
}));
window.addEventListener("hashchange", followHash);
$("#filters").addEventListener("submit", (e) => { e.preventDefault(); render(); });

api("summary").then((s) => {
  const c = s.counts;
  $("#summary").textContent = `${s.store}: ${c.articles} articles (${s.published.first || "?"} … ${s.published.last || "?"}), `
    + `${c.events} event reports in ${c.event_clusters} merged events, ${c.claims} claims, ${c.quotes} quotes, `
    + `${c.quantities} figures, ${c.places} place mentions`;
}).catch((e) => { $("#summary").textContent = e.message; });
followHash();
