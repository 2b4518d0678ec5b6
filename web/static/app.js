// bloc web UI: pick two states and a period, read the report (the verdict's
// tests, data and citations, with charts) in English or Persian, download it.
// The page draws the report the server lays out (/api/report?format=json);
// it computes nothing itself.
'use strict';

const $ = (sel, el = document) => el.querySelector(sel);
const ui = { lang: 'en', msgs: {}, meta: null, states: [], charts: [], doc: null };

function t(key, args) {
  let s = ui.msgs[key];
  if (s === undefined) s = key;
  for (const k in args || {}) s = s.split('{' + k + '}').join(args[k]);
  return s;
}

// num writes a number the way the reader expects: Persian digits and
// separators in Persian.
function num(v, digits) {
  if (v === null || v === undefined || Number.isNaN(v)) return t('val.na');
  let s = typeof v === 'number' ? (digits === undefined ? String(+v.toPrecision(6)) : v.toFixed(digits)) : String(v);
  if (ui.lang !== 'fa') return s;
  s = s.replace(/(\d)\.(?=\d)/g, '$1٫').replace(/-/g, '−').replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);
  // A left-to-right mark keeps the sign on the left of the digits.
  return /^[−+]/.test(s) ? '\u200e' + s : s;
}

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const k in attrs || {}) {
    if (attrs[k] === undefined || attrs[k] === null || attrs[k] === false) continue;
    if (k === 'class') e.className = attrs[k];
    else if (k === 'text') e.textContent = attrs[k];
    else e.setAttribute(k, attrs[k]);
  }
  for (const kid of kids) if (kid !== null && kid !== undefined) e.append(kid);
  return e;
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => null);
  if (!r.ok) {
    const err = new Error((body && body.message) || r.statusText);
    err.problem = body || { message: r.statusText, hints: [] };
    throw err;
  }
  return body;
}

// The form's dyad as query parameters.
function dyadQuery() {
  const q = new URLSearchParams();
  q.set('a', $('#a').value.trim());
  q.set('b', $('#b').value.trim());
  const from = $('#from').value.trim(), to = $('#to').value.trim();
  if (from || to) { q.set('from', from); q.set('to', to); }
  return q;
}

async function setLang(lang) {
  const data = await getJSON('/api/i18n?lang=' + encodeURIComponent(lang));
  ui.lang = data.lang;
  ui.msgs = data.messages;
  document.documentElement.lang = data.lang;
  document.documentElement.dir = data.dir;
  document.body.classList.toggle('lang-fa', data.lang === 'fa');
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-title]').forEach((e) => { e.title = t(e.dataset.i18nTitle); });
  document.querySelectorAll('.langs button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === ui.lang)));
  try { localStorage.setItem('bloc.lang', ui.lang); } catch (e) { /* private mode */ }
  fillStates();
}

function fillStates() {
  const list = $('#state-list');
  list.replaceChildren();
  for (const s of ui.states) {
    const name = ui.lang === 'fa' && s.name_fa ? s.name_fa : s.name;
    list.append(el('option', { value: s.stateabb, label: name + ' (' + s.ccode + ')' }));
  }
}

function setStatus(kind, text, hints) {
  const st = $('#status');
  st.className = 'status ' + kind;
  st.replaceChildren();
  if (text) st.append(el('strong', { text: kind === 'error' ? t('ui.error') + ': ' : '' }), text);
  if (hints && hints.length) st.append(el('ul', {}, ...hints.map((h) => el('li', { text: h }))));
  document.body.dataset.state = kind || 'ready';
}

// ---- Rendering the report's blocks -------------------------------------

function spanNode(sp) {
  let n = document.createTextNode(sp.s);
  if (sp.code) n = el('code', {}, n);
  if (sp.b) n = el('strong', {}, n);
  if (sp.i) n = el('em', {}, n);
  if (sp.small) n = el('small', {}, n);
  if (sp.href && (sp.href.startsWith('#') || /^https?:\/\//.test(sp.href))) {
    n = el('a', { href: sp.href.startsWith('#') ? '#' + 'sec-' + sp.href.slice(1) : sp.href, target: sp.href.startsWith('#') ? null : '_blank', rel: 'noopener' }, n);
  }
  const cls = [];
  if (sp.mark) cls.push('mark-' + sp.mark);
  if (sp.cite) cls.push('cite');
  const attrs = { class: cls.join(' ') || null, 'data-cite': sp.cite || null, title: sp.cite ? t('ui.show_bibtex') : null };
  if (sp.ltr) return el('bdi', Object.assign({ dir: 'ltr' }, attrs), n);
  if (cls.length) return el('span', attrs, n);
  return n;
}

function textNodes(text) { return (text || []).map(spanNode); }

function renderBlock(b) {
  switch (b.kind) {
    case 'p': return el('p', { class: b.class }, ...textNodes(b.text));
    case 'list': return el('ul', { class: b.class }, ...(b.items || []).map((it) => el('li', {}, ...textNodes(it))));
    case 'table': {
      const tb = b.table, isNum = (k) => tb.num && tb.num[k];
      const table = el('table', { class: b.class });
      if (tb.caption && tb.caption.length) table.append(el('caption', {}, ...textNodes(tb.caption)));
      table.append(el('thead', {}, el('tr', {}, ...(tb.head || []).map((h, k) => el('th', { class: isNum(k) ? 'num' : null }, ...textNodes(h))))));
      table.append(el('tbody', {}, ...(tb.rows || []).map((r) => el('tr', {}, ...r.map((c, k) => el('td', { class: isNum(k) ? 'num' : null }, ...textNodes(c)))))));
      return el('div', { class: 'table-wrap' }, table);
    }
    case 'figure': return renderFigure(b.figure);
    case 'code': return el('pre', { class: 'code', dir: 'ltr', text: b.code });
    case 'details': return el('details', { class: b.class }, el('summary', {}, ...textNodes(b.summary)), ...(b.blocks || []).map(renderBlock));
  }
  return document.createTextNode('');
}

function renderFigure(f) {
  const c = f.chart;
  const box = el('div', { class: 'chart', id: 'chart-' + c.id, 'data-chart': c.id, role: 'img', 'aria-label': c.title });
  const q = dyadQuery();
  q.set('id', c.id);
  const link = (fmt, label) => { const qq = new URLSearchParams(q); qq.set('format', fmt); return el('a', { href: '/api/chart?' + qq, download: '', text: label }); };
  const fig = el('figure', { id: 'fig-' + c.id }, el('strong', { class: 'fig-title', text: c.title }), box,
    el('figcaption', {}, ...textNodes(f.caption)),
    el('div', { class: 'fig-links' }, link('csv', t('ui.data_csv')), link('json', t('ui.data_json')), link('svg', t('ui.chart_svg'))));
  ui.charts.push({ box, fig: f });
  return fig;
}

function fontFamily() {
  return ui.lang === 'fa' ? 'Vazirmatn, "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", sans-serif' : '"Noto Sans", "DejaVu Sans", sans-serif';
}

// chartOption turns a chart of the report into an ECharts option.
function chartOption(f) {
  const c = f.chart, labels = f.labels, pal = ui.meta.palette;
  const opt = {
    animation: false,
    color: pal,
    textStyle: { fontFamily: fontFamily() },
    tooltip: { trigger: 'axis', valueFormatter: (v) => num(v) },
    legend: { bottom: 0, type: 'scroll', textStyle: { fontFamily: fontFamily() } },
    grid: { left: 16, right: 24, top: 36, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: c.x_kind === 'year'
      ? { hideOverlap: true, fontFamily: fontFamily() }
      // Every state or theory is named: long names wrap, many are slanted.
      : { interval: 0, rotate: labels.length > 8 ? 30 : 0, width: labels.length > 8 ? undefined : 120, overflow: 'break', lineHeight: 14, fontFamily: fontFamily() } },
    yAxis: { type: 'value', name: c.y_label, nameTextStyle: { align: 'left', fontFamily: fontFamily() }, axisLabel: { formatter: (v) => num(v) } },
    series: [],
  };
  const values = (s) => s.values.map((v) => (v === null ? null : v));
  switch (c.kind) {
    case 'line':
      opt.series = c.series.map((s) => ({ name: s.name, type: 'line', data: values(s), connectNulls: false, symbolSize: 5 }));
      break;
    case 'bar':
    case 'stacked':
      opt.series = c.series.map((s) => ({ name: s.name, type: 'bar', stack: c.kind === 'stacked' ? 'total' : undefined, data: values(s) }));
      if (c.highlight && c.series.length === 1) {
        const hi = new Set(c.highlight);
        opt.series[0].data = c.series[0].values.map((v, k) => ({ value: v, itemStyle: { color: hi.has(c.x[k]) ? pal[1] : pal[0] } }));
        opt.legend.show = false;
      }
      break;
    case 'interval': {
      const s = c.series[0];
      opt.yAxis.min = s.values.some((v, k) => (v !== null && v < 0) || (s.lo[k] !== null && s.lo[k] < 0)) ? -1 : 0;
      opt.yAxis.max = 1;
      opt.tooltip = { trigger: 'axis', formatter: (ps) => { const k = ps[0].dataIndex; return labels[k] + '<br>' + num(s.values[k], 2) + ' [' + num(s.lo[k], 2) + ', ' + num(s.hi[k], 2) + ']'; } };
      opt.series = [
        { name: s.name, type: 'bar', data: values(s), barWidth: '45%' },
        {
          name: s.name, type: 'custom', z: 10, tooltip: { show: false },
          data: labels.map((_, k) => [k, s.lo[k], s.hi[k]]),
          renderItem: (params, api) => {
            const lo = api.coord([api.value(0), api.value(1)]), hi = api.coord([api.value(0), api.value(2)]);
            const w = api.size([1, 0])[0] * 0.12, style = { stroke: '#30343f', lineWidth: 1.5 };
            return { type: 'group', children: [
              { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
              { type: 'line', shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style },
              { type: 'line', shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style },
            ] };
          },
        },
      ];
      opt.legend.show = false;
      break;
    }
  }
  return opt;
}

function drawCharts() {
  for (const { box, fig } of ui.charts) {
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    chart.on('finished', () => { box.dataset.rendered = '1'; });
    chart.setOption(chartOption(fig));
    box._chart = chart;
  }
}

function disposeCharts() {
  for (const { box } of ui.charts) if (box._chart) box._chart.dispose();
  ui.charts = [];
}

function renderDoc(doc) {
  disposeCharts();
  const main = $('#doc');
  main.replaceChildren(el('h1', { id: 'title', text: doc.title }), el('p', { class: 'subtitle', text: doc.subtitle }));
  const toc = el('ol');
  let sub = null;
  for (const s of doc.sections || []) {
    const sec = el('section', { id: 'sec-' + s.id, class: 'level' + s.level, 'data-section': s.id }, el(s.level === 2 ? 'h2' : 'h3', { text: s.title }), ...(s.blocks || []).map(renderBlock));
    main.append(sec);
    const item = el('li', {}, el('a', { href: '#sec-' + s.id, text: s.title }));
    if (s.level === 2) {
      toc.append(item);
      sub = null;
    } else {
      if (!sub) { sub = el('ul'); (toc.lastElementChild || toc).append(sub); }
      sub.append(item);
    }
  }
  const nav = $('#toc');
  nav.replaceChildren(el('strong', { text: t('ui.contents') }), toc);
  nav.hidden = false;
  document.title = doc.title + ' — bloc';
  main.append(whatifSection());
  toc.append(el('li', {}, el('a', { href: '#sec-whatif', text: t('ui.whatif_title') })));
  drawCharts();
}

// whatifSection offers the paper's Table 2 scenarios (/api/whatif).
function whatifSection() {
  const out = el('div', { id: 'whatif-out' });
  const button = el('button', { type: 'button', id: 'whatif-run', class: 'go', text: t('ui.whatif_run') });
  button.addEventListener('click', async () => {
    const q = dyadQuery();
    q.set('scenario', 'all');
    q.set('lang', ui.lang);
    button.disabled = true;
    out.replaceChildren(el('p', { class: 'note', text: t('ui.loading') }));
    try {
      const rep = await getJSON('/api/whatif?' + q);
      const rows = rep.scenarios.map((sc) => el('tr', {},
        el('td', { class: 'num', text: num(sc.condition) }),
        el('td', {}, el('strong', { text: t('end.' + sc.condition) }), el('br'), el('bdi', { dir: 'ltr' }, el('code', { text: sc.name }))),
        el('td', {}, ...sc.sets.map((x) => el('div', {}, el('bdi', { dir: 'ltr' }, el('code', { text: x }))))),
        el('td', {}, sc.changes.length ? el('ul', {}, ...(sc.changes_text || sc.changes).map((c) => el('li', {}, el('bdi', { dir: sc.changes_text ? 'auto' : 'ltr', text: c })))) : t('ui.whatif_none'))));
      out.replaceChildren(el('div', { class: 'table-wrap' }, el('table', { class: 'whatif' },
        el('thead', {}, el('tr', {}, el('th', { text: '#' }), el('th', { text: t('col.condition') }), el('th', { text: t('ui.whatif_sets') }), el('th', { text: t('ui.whatif_changes') }))),
        el('tbody', {}, ...rows))));
    } catch (err) {
      out.replaceChildren(el('p', { class: 'status error', text: (err.problem && err.problem.message) || String(err) }));
    } finally {
      button.disabled = false;
    }
  });
  return el('section', { id: 'sec-whatif', class: 'level2' }, el('h2', { text: t('ui.whatif_title') }), el('p', { text: t('ui.whatif_intro') }), button, out);
}

function renderDownloads() {
  const q = dyadQuery();
  q.set('lang', ui.lang);
  const link = (path, extra, label) => { const qq = new URLSearchParams(q); for (const k in extra) qq.set(k, extra[k]); if (path !== '/api/report') qq.delete('lang'); return el('a', { href: path + '?' + qq, download: '', text: label }); };
  const box = $('#downloads');
  box.replaceChildren(el('strong', { text: t('ui.downloads') + ':' }),
    link('/api/report', { format: 'html' }, t('ui.report_html')),
    ui.meta.pdf ? link('/api/report', { format: 'pdf' }, t('ui.report_pdf')) : null,
    link('/api/report', { format: 'md' }, t('ui.report_md')),
    link('/api/report', { format: 'zip' }, t('ui.report_zip')),
    link('/api/explain', {}, t('ui.verdict_json')),
    link('/api/cite', {}, t('ui.references_bib')));
  box.hidden = false;
}

async function explain() {
  const q = dyadQuery();
  if (!q.get('a') || !q.get('b')) return;
  q.set('lang', ui.lang);
  history.replaceState(null, '', '?' + q);
  setStatus('loading', t('ui.loading'));
  try {
    q.set('format', 'json');
    const doc = await getJSON('/api/report?' + q);
    ui.doc = doc;
    renderDoc(doc);
    renderDownloads();
    setStatus('', '');
    document.body.dataset.state = 'ready';
  } catch (err) {
    disposeCharts();
    $('#doc').replaceChildren();
    $('#toc').hidden = true;
    $('#downloads').hidden = true;
    const p = err.problem || { message: String(err), hints: [] };
    setStatus('error', p.message, p.hints);
  }
}

async function showCite(names) {
  try {
    const r = await fetch('/api/cite?datasets=' + encodeURIComponent(names));
    $('#cite-text').textContent = await r.text();
  } catch (err) {
    $('#cite-text').textContent = String(err);
  }
  $('#cite-dialog').showModal();
}

async function init() {
  const params = new URLSearchParams(location.search);
  let lang = params.get('lang');
  if (!lang) { try { lang = localStorage.getItem('bloc.lang'); } catch (e) { lang = null; } }
  if (!lang) lang = (navigator.language || '').startsWith('fa') ? 'fa' : 'en';
  try {
    ui.meta = await getJSON('/api/meta');
    ui.states = await getJSON('/api/states');
    await setLang(lang);
  } catch (err) {
    setStatus('error', (err.problem && err.problem.message) || String(err));
    return;
  }
  const def = ui.meta.default_period;
  $('#a').value = params.get('a') || 'IRN';
  $('#b').value = params.get('b') || 'RUS';
  $('#from').value = params.get('from') || def.from;
  $('#to').value = params.get('to') || def.to;
  $('#from').min = $('#to').min = ui.meta.first_year;
  $('#from').max = $('#to').max = ui.meta.last_year;
  $('#ask').addEventListener('submit', (e) => { e.preventDefault(); explain(); });
  $('#swap').addEventListener('click', () => { const a = $('#a').value; $('#a').value = $('#b').value; $('#b').value = a; });
  document.querySelectorAll('.langs button').forEach((b) => b.addEventListener('click', async () => {
    await setLang(b.dataset.lang);
    if (ui.doc) await explain();
  }));
  $('#doc').addEventListener('click', (e) => {
    const c = e.target.closest('[data-cite]');
    if (c) showCite(c.dataset.cite);
  });
  window.addEventListener('resize', () => ui.charts.forEach(({ box }) => box._chart && box._chart.resize()));
  document.body.dataset.state = 'ready';
  if (params.get('a') && params.get('b')) await explain();
}

document.addEventListener('DOMContentLoaded', init);
