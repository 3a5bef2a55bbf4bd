// The report page: draws the charts and runs the indicator explorer from
// the JSON model that newsfacts report embedded. Everything is aggregated
// already; this only filters, draws and lists. No request is ever made.
(function () {
  'use strict';
  var R = JSON.parse(document.getElementById('report-data').textContent);
  var charts = {};
  var PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#8c8c8c'];
  var MAX_LINES = 8; // places drawn as lines when no place is chosen

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString('en-US', { maximumFractionDigits: 4 }); }
  function placeName(i) { return i < 0 ? '(no place)' : R.places[i].name; }
  function orgName(i) { return i < 0 ? '' : R.orgs[i].name; }

  function draw(id, option) {
    var node = document.getElementById(id);
    if (!node) return null;
    var c = charts[id] || echarts.init(node, null, { renderer: 'canvas' });
    c.setOption(option, true);
    charts[id] = c;
    return c;
  }

  // ---- overview
  function overview() {
    var ov = R.overview;
    if (ov.publishers && ov.publishers.length) {
      var pubs = ov.publishers.slice().reverse();
      draw('chart-publishers', {
        animation: false,
        grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', name: 'documents' },
        yAxis: { type: 'category', data: pubs.map(function (p) { return p.name || '(none)'; }) },
        series: [{ name: 'documents', type: 'bar', data: pubs.map(function (p) { return p.n; }), label: { show: true, position: 'right' } }]
      });
    }
    if (ov.months && ov.months.length) {
      draw('chart-months', {
        animation: false,
        grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        xAxis: { type: 'category', data: ov.months.map(function (m) { return m.month; }) },
        yAxis: [{ type: 'value', name: 'documents' }, { type: 'value', name: 'figures' }],
        series: [
          { name: 'documents', type: 'bar', data: ov.months.map(function (m) { return m.docs; }) },
          { name: 'figures', type: 'line', yAxisIndex: 1, data: ov.months.map(function (m) { return m.figures; }) }
        ]
      });
    }
  }

  // ---- quality
  function quality() {
    var rules = (R.quality.rules || []).slice(0, 25).reverse();
    if (!rules.length) return;
    draw('chart-rules', {
      animation: false,
      grid: { left: 8, right: 50, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: 'figures' },
      yAxis: { type: 'category', data: rules.map(function (r) { return r.name || '(none)'; }), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{ name: 'figures', type: 'bar', data: rules.map(function (r) { return r.n; }), label: { show: true, position: 'right' } }]
    });
  }

  // ---- explorer
  var state = { ind: 0, unit: null, place: -1, org: -1, query: '' };

  function countIn(ind) {
    if (state.place >= 0) return ind.placeN[state.place] || 0;
    if (state.org >= 0) return ind.orgN[state.org] || 0;
    return ind.n;
  }

  function visibleIndicators() {
    var q = state.query.trim().toLowerCase();
    var out = [];
    R.indicators.forEach(function (ind, i) {
      if (q && ind.name.toLowerCase().indexOf(q) < 0) return;
      if (countIn(ind) === 0) return;
      out.push(i);
    });
    if (state.place >= 0 || state.org >= 0) {
      out.sort(function (a, b) { return countIn(R.indicators[b]) - countIn(R.indicators[a]) || a - b; });
    }
    return out;
  }

  function renderList() {
    var list = document.getElementById('ind-list');
    list.textContent = '';
    var vis = visibleIndicators();
    vis.forEach(function (i) {
      var ind = R.indicators[i];
      var li = el('li', { 'data-ind': i, title: ind.name, role: 'option' });
      var name = el('span', null, ind.name);
      if (ind.named) name.appendChild(el('span', { class: 'tag' }, 'indicator'));
      li.appendChild(name);
      li.appendChild(el('span', { class: 'n' }, fmt(countIn(ind))));
      if (i === state.ind) li.className = 'sel';
      li.addEventListener('click', function () { select(i); });
      list.appendChild(li);
    });
    if (!vis.length) list.appendChild(el('li', { class: 'none' }, 'no indicator matches'));
    var chip = document.getElementById('filter-chip');
    if (state.place >= 0 || state.org >= 0) {
      chip.hidden = false;
      chip.textContent = '';
      chip.appendChild(el('span', { id: 'filter-name' }, state.place >= 0 ? 'place: ' + placeName(state.place) : 'organisation: ' + orgName(state.org)));
      var x = el('button', { type: 'button', title: 'clear the filter', id: 'filter-clear' }, '×');
      x.addEventListener('click', function () { filter(-1, -1); });
      chip.appendChild(x);
    } else {
      chip.hidden = true;
    }
    return vis;
  }

  function select(i, unit) {
    state.ind = i;
    var ind = R.indicators[i];
    state.unit = unit != null ? unit : bestUnit(ind);
    renderList();
    renderIndicator();
  }

  // bestUnit is the unit with the most figures that the filter keeps.
  function bestUnit(ind) {
    if (state.place < 0) return ind.units.length ? 0 : null;
    var best = null, most = 0;
    ind.units.forEach(function (u, k) {
      var n = 0;
      u.series.forEach(function (s) { if (s.place === state.place) n += s.n; });
      if (n > most) { most = n; best = k; }
    });
    return best == null ? 0 : best;
  }

  function renderIndicator() {
    var ind = R.indicators[state.ind];
    document.getElementById('ind-title').textContent = ind.name + ' — ' + fmt(ind.n) + ' figures in ' + fmt(ind.docs) + ' articles' +
      (ind.targets ? ', ' + fmt(ind.targets) + ' targets' : '');
    var ub = document.getElementById('ind-units');
    ub.textContent = '';
    ind.units.forEach(function (u, k) {
      var b = el('button', { type: 'button', 'data-unit': k, class: k === state.unit ? 'sel' : null }, (u.unit || '(no unit)') + ' · ' + fmt(u.n));
      b.addEventListener('click', function () { state.unit = k; renderIndicator(); });
      ub.appendChild(b);
    });
    renderChart(ind);
    renderFacts(ind);
  }

  function renderChart(ind) {
    var u = ind.units[state.unit] || { unit: '', series: [] };
    var series = u.series;
    if (state.place >= 0) series = series.filter(function (s) { return s.place === state.place; });
    // Places as lines: the most figures first; a place's target keeps its colour.
    var places = [];
    series.forEach(function (s) { if (places.indexOf(s.place) < 0) places.push(s.place); });
    var shown = places.filter(function (p) { return p >= 0; }).slice(0, MAX_LINES);
    if (places.indexOf(-1) >= 0) shown.push(-1);
    var hidden = places.length - shown.length;
    var out = [];
    series.forEach(function (s) {
      var k = shown.indexOf(s.place);
      if (k < 0) return;
      var color = s.place < 0 ? '#8c8c8c' : PALETTE[k % PALETTE.length];
      out.push({
        name: placeName(s.place) + (s.target ? ' · target' : ''),
        type: 'line',
        data: s.points.map(function (p) { return { value: [p[0], p[1]], n: p[2] }; }),
        symbol: s.target ? 'emptyDiamond' : 'circle',
        symbolSize: s.target ? 9 : 6,
        lineStyle: { type: s.target ? 'dashed' : 'solid', width: s.target ? 1.5 : 2 },
        itemStyle: { color: color },
        connectNulls: true
      });
    });
    var note = document.getElementById('chart-note');
    var msg = 'Values by period (the linked date\'s start, else the article\'s date); the median where a period has several figures; changes downwards are negative; targets dashed.';
    if (hidden > 0) msg += ' ' + hidden + ' more places with figures in this unit are not drawn: choose one in Places.';
    if (state.org >= 0) msg += ' The chart draws places; the organisation filter applies to the list and the table.';
    if (!out.length) msg = 'No dated figure of this indicator in this unit' + (state.place >= 0 ? ' at ' + placeName(state.place) : '') + '.';
    note.textContent = msg;
    draw('chart-explorer', {
      animation: false,
      grid: { left: 8, right: 24, top: 56, bottom: 36, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var d = p.data || {};
          var v = d.value || [];
          return p.seriesName + '<br>' + v[0] + ': <b>' + fmt(v[1]) + '</b> ' + (u.unit || '') +
            (d.n > 1 ? ' (median of ' + d.n + ')' : '');
        }
      },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: u.unit || '(no unit)', scale: true },
      dataZoom: zoom(out),
      series: out
    });
  }

  // zoom opens the time axis on the articles' own dates when some periods
  // lie long before them (新中国成立以来 …); the slider shows the rest.
  function zoom(series) {
    var lo = R.overview.minDate, start = null;
    series.forEach(function (s) {
      s.data.forEach(function (d) { if (start == null || d.value[0] < start) start = d.value[0]; });
    });
    var z = { type: 'slider', xAxisIndex: 0, height: 18, bottom: 4, filterMode: 'none' };
    if (lo && start != null && start < lo) z.startValue = lo;
    return [z, { type: 'inside', xAxisIndex: 0, filterMode: 'none' }];
  }

  function renderFacts(ind) {
    var tb = document.querySelector('#facts tbody');
    tb.textContent = '';
    var u = ind.units[state.unit];
    var facts = ind.facts.filter(function (f) {
      if (state.place >= 0 && f.place !== state.place) return false;
      if (state.org >= 0 && f.org !== state.org) return false;
      return true;
    });
    facts.forEach(function (f) {
      var tr = el('tr', { 'data-doc': f.doc, 'data-metric': f.metric, 'data-place': f.place });
      if (u && f.unit === u.unit) tr.className = 'unit';
      var v = el('td', { class: 'n' }, (f.dir === 'up' ? '↑ ' : f.dir === 'down' ? '↓ ' : '') + fmt(f.value));
      if (f.target) v.appendChild(el('span', { class: 'badge' }, 'target'));
      tr.appendChild(v);
      tr.appendChild(el('td', null, f.unit));
      tr.appendChild(el('td', { title: f.dateText || 'the article\'s date' }, (f.period || '–') + (f.dateText ? ' (' + f.dateText + ')' : '')));
      tr.appendChild(el('td', null, f.place >= 0 ? placeName(f.place) : '–'));
      tr.appendChild(el('td', null, f.pub >= 0 ? (R.publishers[f.pub] || '–') : '–'));
      var s = el('td', { class: 's' });
      s.appendChild(document.createTextNode(((f.cut & 1) ? '…' : '') + f.s[0]));
      s.appendChild(el('mark', null, f.s[1]));
      s.appendChild(document.createTextNode(f.s[2] + ((f.cut & 2) ? '…' : '')));
      tr.appendChild(s);
      tr.appendChild(el('td', { class: 'doc' }, f.doc + ' #' + f.metric));
      tb.appendChild(tr);
    });
    var n = countIn(ind);
    document.getElementById('facts-note').textContent = facts.length
      ? facts.length + ' of ' + fmt(n) + ' figures listed, newest period first' + (facts.length < n ? ' (--max-facts ' + R.limits.maxFacts + ' per indicator are embedded)' : '') + '.'
      : 'None of the embedded figures of this indicator match the filter.';
  }

  function filter(place, org) {
    state.place = place;
    state.org = org;
    var vis = visibleIndicators();
    var i = vis.indexOf(state.ind) >= 0 ? state.ind : (vis.length ? vis[0] : state.ind);
    select(i);
    document.querySelectorAll('#places-table tr, #orgs-table tr').forEach(function (tr) {
      var p = tr.getAttribute('data-place'), o = tr.getAttribute('data-org');
      tr.classList.toggle('sel', (p != null && +p === place) || (o != null && +o === org));
    });
  }

  function explorer() {
    if (!R.indicators || !R.indicators.length) return;
    var search = document.getElementById('ind-search');
    search.addEventListener('input', function () { state.query = search.value; renderList(); });
    document.querySelectorAll('button[data-place]').forEach(function (b) {
      b.addEventListener('click', function () {
        filter(+b.getAttribute('data-place'), -1);
        document.getElementById('explorer').scrollIntoView();
      });
    });
    document.querySelectorAll('button[data-org]').forEach(function (b) {
      b.addEventListener('click', function () {
        filter(-1, +b.getAttribute('data-org'));
        document.getElementById('explorer').scrollIntoView();
      });
    });
    // Start on the first indicator that has something to draw.
    var first = 0;
    for (var i = 0; i < R.indicators.length; i++) {
      if (R.indicators[i].units.some(function (u) { return u.series.length > 0; })) { first = i; break; }
    }
    select(first);
  }

  overview();
  quality();
  explorer();
  window.addEventListener('resize', function () { for (var k in charts) charts[k].resize(); });
  // For the browser tests and for scripting the page from the console.
  window.newsfactsReport = { data: R, charts: charts, state: state, select: select, filter: filter };
  document.body.setAttribute('data-ready', String(Math.round(performance.now())));
})();
