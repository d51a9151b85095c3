"""One self-contained HTML file with an interactive view of a graph: no network at view time.

Layout is computed here (networkx spring layout, fixed seed, so the same graph draws the same);
the page draws SVG and handles pan (drag), zoom (wheel or buttons), search by label or number,
filters by kind, region and year, and a details panel with the source quotes of a clicked node.
`#q=text` in the URL runs a search on load.
"""

from __future__ import annotations

import html
import json
from typing import Any

import networkx as nx

_COLORS = {
    "AnnualReport": "#1f77b4", "WorkPlan": "#2ca02c", "Notice": "#9467bd", "Document": "#8c564b",
    "CitedDocument": "#7f7f7f", "Agency": "#ff7f0e", "Region": "#17becf", "Policy": "#d62728",
    "Task": "#bcbd22", "Other": "#c7c7c7",
}


def _payload(g: nx.DiGraph) -> dict[str, Any]:
    n = g.number_of_nodes()
    pos = nx.spring_layout(g, seed=7, k=3 / max(n, 1) ** 0.5, iterations=100) if n else {}
    quotes: dict[str, list[str]] = {n: [] for n in g.nodes}
    for a, b, data in g.edges(data=True):
        if data.get("quote"):
            text = f"{data.get('kind', '')}: {data['quote']}"
            quotes[b].append(text)
            quotes[a].append(text)
    nodes = []
    for n, data in g.nodes(data=True):
        x, y = pos.get(n, (0.0, 0.0))
        nodes.append({
            "id": n, "x": round(float(x) * 1000, 1), "y": round(float(y) * 1000, 1),
            "label": str(data.get("label") or n), "kind": str(data.get("kind") or "Other"),
            "number": data.get("docNumber") or "", "region": data.get("region") or "",
            "level": data.get("level") or "", "year": str(data.get("year") or ""),
            "file": data.get("file") or "", "pagerank": data.get("pagerank", 0),
            "indeg": data.get("in_degree", 0), "quotes": sorted(set(quotes[n]))[:12],
        })
    edges = [{"s": a, "t": b, "kind": str(d.get("kind", ""))} for a, b, d in g.edges(data=True)]
    return {"nodes": nodes, "edges": edges, "colors": _COLORS}


_PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>__TITLE__</title>
<style>
body{margin:0;font:13px system-ui,"Noto Sans CJK SC",sans-serif;display:flex;height:100vh}
#main{flex:1;position:relative;overflow:hidden;background:#fafafa}
#svg{width:100%;height:100%;cursor:grab}
#bar{position:absolute;top:8px;left:8px;background:#fff;padding:6px;border:1px solid #ccc;border-radius:4px}
#bar input,#bar select{margin-right:4px}
#side{width:340px;border-left:1px solid #ccc;padding:10px;overflow:auto}
.node circle{stroke:#fff;stroke-width:1.5}.node text{font-size:11px;pointer-events:none;fill:#333}
.edge{stroke:#999;stroke-opacity:.5}.dim{opacity:.12}.hit circle{stroke:#e00;stroke-width:4}
.q{border-left:3px solid #ccc;padding-left:6px;margin:6px 0;color:#444}
#legend{margin-top:4px}#legend span{display:inline-block;margin-right:8px}#legend svg{vertical-align:middle}
</style></head><body>
<div id="main">
 <div id="bar">
  <input id="search" placeholder="search title / 发文字号" size="22">
  <select id="kind"><option value="">all kinds</option></select>
  <select id="region"><option value="">all regions</option></select>
  <select id="year"><option value="">all years</option></select>
  <button id="zin">+</button><button id="zout">−</button><button id="reset">fit</button>
  <span id="count"></span>
  <div id="legend"></div>
 </div>
 <svg id="svg"><defs><marker id="arr" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="6" markerHeight="6"
  orient="auto"><path d="M0,0L10,5L0,10z" fill="#999"/></marker></defs><g id="view"><g id="edges"></g>
  <g id="nodes"></g></g></svg>
</div>
<div id="side"><h3>__TITLE__</h3><p>Click a node for its details and source quotes. Drag to pan, wheel to zoom.</p>
<div id="details"></div></div>
<script id="data" type="application/json">__DATA__</script>
<script>
const D = JSON.parse(document.getElementById('data').textContent);
const NS = 'http://www.w3.org/2000/svg', byId = {};
D.nodes.forEach(n => byId[n.id] = n);
const svg = document.getElementById('svg'), view = document.getElementById('view');
let tx = 0, ty = 0, k = 1;
function apply(){ view.setAttribute('transform', `translate(${tx},${ty}) scale(${k})`); }
function fit(){
  if (!D.nodes.length) return;
  const xs = D.nodes.map(n => n.x), ys = D.nodes.map(n => n.y), r = svg.getBoundingClientRect();
  const w = Math.max(...xs) - Math.min(...xs) + 200, h = Math.max(...ys) - Math.min(...ys) + 200;
  k = Math.min(r.width / w, r.height / h); tx = r.width / 2 - k * (Math.min(...xs) + Math.max(...xs)) / 2;
  ty = r.height / 2 - k * (Math.min(...ys) + Math.max(...ys)) / 2; apply();
}
const eg = document.getElementById('edges'), ng = document.getElementById('nodes');
D.edges.forEach(e => { const a = byId[e.s], b = byId[e.t]; if (!a || !b) return;
  const l = document.createElementNS(NS, 'line'); l.setAttribute('class', 'edge');
  l.setAttribute('x1', a.x); l.setAttribute('y1', a.y); l.setAttribute('x2', b.x); l.setAttribute('y2', b.y);
  l.setAttribute('marker-end', 'url(#arr)'); l.dataset.s = e.s; l.dataset.t = e.t; eg.appendChild(l); });
D.nodes.forEach(n => { const g = document.createElementNS(NS, 'g'); g.setAttribute('class', 'node');
  g.setAttribute('transform', `translate(${n.x},${n.y})`); g.dataset.id = n.id;
  const c = document.createElementNS(NS, 'circle'); c.setAttribute('r', 5 + Math.min(20, 400 * n.pagerank));
  c.setAttribute('fill', D.colors[n.kind] || '#999'); g.appendChild(c);
  const t = document.createElementNS(NS, 'text'); t.setAttribute('x', 9); t.setAttribute('y', 4);
  t.textContent = n.label.length > 24 ? n.label.slice(0, 24) + '…' : n.label; g.appendChild(t);
  const tip = document.createElementNS(NS, 'title'); tip.textContent = n.label; g.appendChild(tip);
  g.addEventListener('click', ev => { ev.stopPropagation(); details(n); }); ng.appendChild(g); n.el = g; });
function fill(sel, values){ [...new Set(values.filter(v => v))].sort().forEach(v => {
  const o = document.createElement('option'); o.value = o.textContent = v; sel.appendChild(o); }); }
fill(document.getElementById('kind'), D.nodes.map(n => n.kind));
fill(document.getElementById('region'), D.nodes.map(n => n.region));
fill(document.getElementById('year'), D.nodes.map(n => n.year));
document.getElementById('legend').innerHTML = Object.entries(D.colors).map(([k, c]) =>
  `<span><svg width="10" height="10"><circle cx="5" cy="5" r="5" fill="${c}"/></svg> ${k}</span>`).join('');
function esc(s){ return String(s).replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c])); }
function details(n){
  document.getElementById('details').innerHTML = `<h4>${esc(n.label)}</h4>
   <p><b>kind</b> ${esc(n.kind)}<br><b>发文字号</b> ${esc(n.number || '—')}<br><b>region</b> ${esc(n.region || '—')}
   (${esc(n.level || '—')})<br><b>year</b> ${esc(n.year || '—')}<br><b>file</b> ${esc(n.file || '—')}<br>
   <b>in-degree</b> ${n.indeg} · <b>PageRank</b> ${n.pagerank}</p><p style="word-break:break-all">
   <small>${esc(n.id)}</small></p>` + n.quotes.map(q => `<div class="q">${esc(q)}</div>`).join('');
}
function update(){
  const q = document.getElementById('search').value.trim(), kind = document.getElementById('kind').value,
        region = document.getElementById('region').value, year = document.getElementById('year').value;
  let shown = 0, hits = 0; const visible = new Set();
  D.nodes.forEach(n => {
    const ok = (!kind || n.kind === kind) && (!region || n.region === region) && (!year || n.year === year);
    const hit = q !== '' && (n.label.includes(q) || n.number.includes(q));
    n.el.classList.toggle('dim', !ok || (q !== '' && !hit)); n.el.classList.toggle('hit', hit && ok);
    if (ok) { shown++; visible.add(n.id); } if (hit && ok) hits++; });
  eg.querySelectorAll('line').forEach(l => l.classList.toggle('dim', !(visible.has(l.dataset.s) && visible.has(l.dataset.t))));
  document.getElementById('count').textContent = q ? `${hits} match${hits === 1 ? '' : 'es'}` : `${shown} nodes`;
  document.body.dataset.hits = hits;
}
['search', 'kind', 'region', 'year'].forEach(id => document.getElementById(id).addEventListener('input', update));
let drag = null;
svg.addEventListener('mousedown', e => drag = [e.clientX - tx, e.clientY - ty]);
window.addEventListener('mouseup', () => drag = null);
window.addEventListener('mousemove', e => { if (drag) { tx = e.clientX - drag[0]; ty = e.clientY - drag[1]; apply(); } });
function zoom(f, cx, cy){ tx = cx - f * (cx - tx); ty = cy - f * (cy - ty); k *= f; apply(); }
svg.addEventListener('wheel', e => { e.preventDefault(); zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.offsetX, e.offsetY); });
document.getElementById('zin').onclick = () => { const r = svg.getBoundingClientRect(); zoom(1.3, r.width / 2, r.height / 2); };
document.getElementById('zout').onclick = () => { const r = svg.getBoundingClientRect(); zoom(1 / 1.3, r.width / 2, r.height / 2); };
document.getElementById('reset').onclick = fit;
fit();
const m = location.hash.match(/[#&]q=([^&]*)/);
if (m) { document.getElementById('search').value = decodeURIComponent(m[1]); }
update();
document.body.dataset.ready = 'yes';
</script></body></html>
"""


def render_html(g: nx.DiGraph, *, title: str = "kg") -> str:
    data = json.dumps(_payload(g), ensure_ascii=False).replace("</", "<\\/")
    return _PAGE.replace("__TITLE__", html.escape(title)).replace("__DATA__", data)
