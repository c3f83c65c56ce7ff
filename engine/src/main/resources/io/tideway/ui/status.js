// Tideway's status page: asks the session's JSON endpoints once a second and redraws. It changes
// nothing on the server. Charts are drawn here as inline SVG: no library, no CDN, no build step.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728'];

async function getJson(url) {
  let response;
  try {
    response = await fetch(url, {cache: 'no-store'});
  } catch (e) {
    throw new Error('cannot reach the status page\'s server (the session stopped?): ' + e.message);
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.status);
  return body;
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** v in at most one decimal, thousands as k, M, G: 9953.2, 11.4k, 1M. */
function number(v) {
  if (v === null || v === undefined) return '';
  const a = Math.abs(v);
  const [scaled, unit] = a >= 1e9 ? [v / 1e9, 'G'] : a >= 1e6 ? [v / 1e6, 'M'] : a >= 1e4 ? [v / 1e3, 'k'] : [v, ''];
  return (Number.isInteger(scaled) ? String(scaled) : scaled.toFixed(1).replace(/\.0$/, '')) + unit;
}

function clock(ms) {
  return new Date(ms).toISOString().substring(11, 19);
}

/** The smallest 1, 2 or 5 times a power of ten at or above v: a round top for an axis. */
function roundUp(v) {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  return [1, 2, 5, 10].map(m => m * p).find(m => m >= v);
}

/**
 * The y axis of values vs: from 0 to a round top ('linear'), over powers of ten ('log': the
 * latency percentiles, p50 and p99.9 apart by orders of magnitude), or over their range
 * ('range': the watermark, a time itself). Returns [ticks, position of a value in 0..1].
 */
function axis(vs, scale) {
  if (scale === 'log') {
    const lo = Math.floor(Math.log10(Math.max(1, Math.min(...vs))));
    const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(1, ...vs))));
    const ticks = [];
    for (let e = lo; e <= hi; e++) ticks.push(Math.pow(10, e));
    return [ticks, v => (Math.log10(Math.max(1, v)) - lo) / (hi - lo)];
  }
  let lo = scale === 'range' ? Math.min(...vs) : Math.min(0, ...vs);
  let hi = Math.max(...vs);
  if (scale !== 'range') hi = hi > 0 ? roundUp(hi) : 1;
  if (hi === lo) { lo -= 1000; hi += 1000; }
  return [[lo, (lo + hi) / 2, hi], v => (v - lo) / (hi - lo)];
}

/**
 * A line chart of series [{label, points: [[timeMs, value]...]}] over span ([first, last] time
 * of the history, shared by every chart of a page), or null without points; format prints the y
 * labels, scale is axis()'s.
 */
function lineChart(span, title, series, format = number, scale = 'linear') {
  const all = series.flatMap(s => s.points);
  if (all.length === 0) return null;
  const box = el('div', null, 'chart');
  box.appendChild(el('h3', title));
  const W = 520, H = 170, L = 62, R = 10, T = 8, B = 22;
  let [t0, t1] = span;
  if (t1 === t0) { t0 -= 500; t1 += 500; }
  const [ticks, at] = axis(all.map(p => p[1]), scale);
  const x = t => L + (t - t0) / (t1 - t0) * (W - L - R);
  const y = v => T + (1 - at(v)) * (H - T - B);
  const chart = svg('svg', {width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title,
    'data-points': all.length});
  for (const v of ticks) {
    chart.appendChild(svg('line', {x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#e5e5e5'}));
    chart.appendChild(svg('text', {x: L - 4, y: y(v) + 3, 'text-anchor': 'end'}, format(v)));
  }
  chart.appendChild(svg('text', {x: L, y: H - 6}, clock(t0)));
  chart.appendChild(svg('text', {x: W - R, y: H - 6, 'text-anchor': 'end'}, clock(t1)));
  const legend = el('div', null, 'legend');
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    if (s.points.length > 1) {
      chart.appendChild(svg('polyline', {fill: 'none', stroke: colour, 'stroke-width': 1.5,
        points: s.points.map(p => `${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' ')}));
    }
    for (const p of s.points) {
      chart.appendChild(svg('circle', {cx: x(p[0]), cy: y(p[1]), r: 2.2, fill: colour}));
    }
    const key = el('span', '● ' + s.label);
    key.style.color = colour;
    legend.appendChild(key);
  });
  box.appendChild(chart);
  box.appendChild(legend);
  return box;
}

/** A chart's place holding a sentence instead: why there is nothing to draw. */
function note(title, text) {
  const box = el('div', null, 'chart');
  box.appendChild(el('h3', title));
  box.appendChild(el('p', text, 'none'));
  return box;
}

/** The [time, value] points of field in history, where it has a value. */
function series(history, field) {
  const out = [];
  for (const p of history) {
    const v = field(p);
    if (v !== null && v !== undefined && !Number.isNaN(v)) out.push([Date.parse(p.timestamp), v]);
  }
  return out;
}

function drawCharts(history, last) {
  const latency = ['p50', 'p99', 'p99.9'].map(q => ({label: q, points: series(history, p => p.latencyMicros[q])}));
  const hasLatency = latency.some(s => s.points.length > 0);
  const stateful = last !== null && last.stateOperators.length > 0;
  const times = history.map(p => Date.parse(p.timestamp));
  const span = [Math.min(...times), Math.max(...times)];
  const boxes = [
    lineChart(span, 'Rows per second', [
      {label: 'input rows/s', points: series(history, p => p.inputRowsPerSecond)},
      {label: 'processed rows/s', points: series(history, p => p.processedRowsPerSecond)}]),
    lineChart(span, 'Batch / epoch duration (ms)', [{label: 'duration ms', points: series(history, p => p.durationMs)}]),
    hasLatency ? lineChart(span, 'End-to-end latency (µs, log scale)', latency, number, 'log')
      : note('End-to-end latency (µs)', 'No latency in this query\'s progress: continuous queries report it; '
          + 'micro-batch queries with spark.sql.streaming.metricsEnabled=true.'),
    // before the first event time is seen the watermark is 1970-01-01T00:00:00Z, as Spark prints it: not a point to draw
    lineChart(span, 'Watermark (UTC)', [{label: 'watermark', points: series(history, p => p.watermark ? Date.parse(p.watermark) || null : null)}],
      clock, 'range'),
    stateful ? lineChart(span, 'State rows', [{label: 'rows in state', points: series(history, p => p.stateRows)}])
      : note('State rows', 'No stateful operator in this query.'),
  ].filter(b => b !== null);
  const charts = document.getElementById('charts');
  if (history.length === 0) {
    charts.replaceChildren(el('p', 'No progress yet.', 'muted'));
  } else {
    charts.replaceChildren(...boxes);
  }
}

/**
 * The per-partition source metrics of the last progress (continuous mode's
 * partition<p>.rows, .ringDepth, .latencyMicros.p99, ...) as a table: a column per source and
 * partition, a row per metric.
 */
function drawPartitions(last) {
  const partitions = new Map(), names = new Set();
  (last ? last.sources : []).forEach((source, i) => {
    for (const [key, value] of Object.entries(source.metrics || {})) {
      const m = /^partition(\d+)\.(.+)$/.exec(key);
      if (!m) continue;
      const id = (last.sources.length > 1 ? 'source ' + i + ' ' : '') + 'partition ' + m[1];
      if (!partitions.has(id)) partitions.set(id, {});
      partitions.get(id)[m[2]] = value;
      names.add(m[2]);
    }
  });
  document.getElementById('partitions-block').hidden = partitions.size === 0;
  const head = el('tr');
  head.appendChild(el('th', ''));
  partitions.forEach((metrics, id) => head.appendChild(el('th', id)));
  const rows = [...names].sort().map(name => {
    const row = el('tr');
    row.appendChild(el('td', name, 'text'));
    partitions.forEach(metrics => row.appendChild(el('td', metrics[name] ?? '')));
    return row;
  });
  document.getElementById('partitions').replaceChildren(head, ...rows);
}

function summaryRow(table, label, value) {
  const row = el('tr');
  row.appendChild(el('th', label));
  row.appendChild(el('td', value, 'text'));
  table.appendChild(row);
}

async function refreshQuery(key) {
  const [q, history] = await Promise.all([getJson('/api/queries/' + key), getJson('/api/queries/' + key + '/progress')]);
  document.getElementById('name').textContent = q.name || q.id;
  document.title = 'Tideway: ' + (q.name || q.id);
  const table = document.getElementById('summary');
  table.replaceChildren();
  summaryRow(table, 'Status', q.status);
  summaryRow(table, 'Id / run id', q.id + ' / ' + q.runId);
  summaryRow(table, 'Started', q.started);
  summaryRow(table, 'Batch / epoch', q.batchId < 0 ? 'none yet' : q.batchId);
  summaryRow(table, 'Input rows/s', number(q.inputRowsPerSecond));
  summaryRow(table, 'Processed rows/s', number(q.processedRowsPerSecond));
  summaryRow(table, 'Duration (ms)', q.batchDurationMs);
  summaryRow(table, 'Latency p50 / p99 / p99.9 (µs)', ['p50', 'p99', 'p99.9'].map(k => q.latencyMicros[k] ?? '–').join(' / '));
  summaryRow(table, 'Watermark', q.watermark || '–');
  summaryRow(table, 'State rows', q.stateRows);
  const failure = document.getElementById('failure');
  failure.hidden = q.exception === null;
  if (q.exception !== null) {
    document.getElementById('exception-message').textContent = q.exception.message;
    document.getElementById('exception-stack').textContent = q.exception.stackTrace || '';
  }
  document.getElementById('last-progress').textContent =
      q.lastProgress === null ? 'none yet' : JSON.stringify(q.lastProgress, null, 2);
  drawCharts(history, q.lastProgress);
  drawPartitions(q.lastProgress);
  document.getElementById('updated').textContent = (q.active ? 'running' : 'ended') + ', '
      + history.length + ' progress updates, updated ' + new Date().toISOString();
  return q.active;
}

/** A table's only row, saying why it has no other. */
function placeholder(columns, text) {
  const row = el('tr');
  const td = el('td', text, 'muted');
  td.colSpan = columns;
  row.appendChild(td);
  return row;
}

function nameCell(row, q) {
  const td = el('td', null, 'text');
  const a = el('a', q.name || q.id);
  a.href = '/query/' + q.runId;
  td.appendChild(a);
  row.appendChild(td);
}

async function refreshQueries() {
  const {active, recent} = await getJson('/api/queries');
  const rows = active.map(q => {
    const row = el('tr');
    row.dataset.id = q.id;
    nameCell(row, q);
    row.appendChild(el('td', q.status, 'text'));
    for (const v of [q.batchId < 0 ? '' : q.batchId, number(q.inputRowsPerSecond), number(q.processedRowsPerSecond),
      q.batchDurationMs, q.latencyMicros.p99 ?? '', q.stateRows]) row.appendChild(el('td', v));
    row.appendChild(el('td', q.watermark || '', 'text'));
    return row;
  });
  document.getElementById('active').replaceChildren(...(rows.length > 0 ? rows : [placeholder(9, 'No query is running.')]));
  document.getElementById('recent').replaceChildren(...(recent.length === 0 ? [placeholder(5, 'No query has ended yet.')] : recent.map(q => {
    const row = el('tr');
    row.dataset.id = q.id;
    nameCell(row, q);
    row.appendChild(el('td', q.status, 'text'));
    row.appendChild(el('td', q.batchId < 0 ? '' : q.batchId));
    row.appendChild(el('td', q.started, 'text'));
    row.appendChild(el('td', q.exception ? q.exception.message : '', q.exception ? 'text error' : 'text'));
    return row;
  })));
  document.getElementById('updated').textContent =
      active.length + ' running, ' + recent.length + ' recent, updated ' + new Date().toISOString();
  return true;
}

function poll(refresh) {
  const tick = async () => {
    let again = true;
    try {
      again = await refresh();
    } catch (e) {
      document.getElementById('updated').textContent = e.message;
    }
    if (again) setTimeout(tick, 1000); // an ended query's page stops asking: nothing will change
  };
  tick();
}

if (document.body.dataset.page === 'query') {
  const key = decodeURIComponent(location.pathname.split('/')[2]);
  poll(() => refreshQuery(key));
} else {
  poll(refreshQueries);
}
