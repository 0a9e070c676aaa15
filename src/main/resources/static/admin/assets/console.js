// Console behaviour: CSRF on htmx requests, the drop zone, and the ECharts charts fed by JSON endpoints.
(function () {
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.content : null;
  }

  document.addEventListener('htmx:configRequest', function (e) {
    var header = meta('csrf-header');
    if (header) e.detail.headers[header] = meta('csrf-token');
  });

  // Filters submit on change (no inline handlers: the Content-Security-Policy allows none).
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('[data-autosubmit]') && e.target.form) e.target.form.submit();
  });

  // Destructive actions ask first: a form with data-confirm submits only when the question is answered yes.
  document.addEventListener('submit', function (e) {
    var question = e.target.dataset && e.target.dataset.confirm;
    if (question && !window.confirm(question)) e.preventDefault();
  });

  // Chart texts come from the page (data-l-* attributes, in the page's language).
  function label(el, name, fallback) {
    var key = 'l' + name.charAt(0).toUpperCase() + name.slice(1);
    return el.dataset[key] || fallback;
  }
  var lang = document.documentElement.lang || 'en';
  function when(t) {
    return new Date(t).toLocaleString(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  }

  // When a running job finishes, reload once so the transcript and downloads appear.
  var live = document.getElementById('live');
  var startedUnfinished = live && live.dataset.finished === 'false';
  document.addEventListener('htmx:afterSwap', function () {
    var now = document.getElementById('live');
    if (startedUnfinished && now && now.dataset.finished === 'true') location.reload();
  });

  function dropZone() {
    var zone = document.getElementById('drop');
    var input = document.getElementById('files');
    var text = document.getElementById('drop-text');
    if (!zone) return;
    function show() {
      var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
      text.textContent = names.length ? names.length + ' file(s): ' + names.join(', ') : text.dataset.empty;
    }
    text.dataset.empty = text.textContent;
    ['dragenter', 'dragover'].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (e) { input.files = e.dataTransfer.files; show(); });
    input.addEventListener('change', show);
  }

  var charts = {
    timeline: function (el, d) {
      var colour = { speech: '#2e7d32', skipped: '#bdbdbd' };
      // a diarized job's speech takes its speaker's colour from the stylesheet, the transcript's palette
      var palette = getComputedStyle(document.documentElement);
      function speakerColour(n) { return palette.getPropertyValue('--spk' + ((n - 1) % 8)).trim() || colour.speech; }
      function regionName(r) {
        var what = r.speaker ? label(el, 'speaker', 'Speaker {0}').replace('{0}', r.speaker) : label(el, r.kind, r.kind);
        return what + ' ' + r.start.toFixed(1) + '–' + r.end.toFixed(1) + ' s';
      }
      var windowColour = { DONE: '#1565c0', RUNNING: '#64b5f6', PENDING: '#d6e4f5' };
      var regions = d.regions.length ? d.regions : [{ start: 0, end: d.duration || 1, kind: 'skipped' }];
      // not by colour alone: screen readers get each speech stretch by name (the first 40; the legend lists every speaker)
      var stretches = regions.filter(function (r) { return r.kind === 'speech'; });
      var spoken = stretches.slice(0, 40).map(regionName).join('; ') + (stretches.length > 40 ? '; …' : '');
      return {
        aria: { enabled: true, label: { description: spoken || label(el, 'audio', 'audio') } },
        grid: { left: 70, right: 20, top: 10, bottom: 30 },
        xAxis: { type: 'value', min: 0, max: d.duration || 1,
                 axisLabel: { formatter: function (v) { return +v.toFixed(1) + ' s'; } } },
        yAxis: { type: 'category', data: [label(el, 'audio', 'audio'), label(el, 'windows', 'windows')] },
        tooltip: { formatter: function (p) { return p.data.name; } },
        series: [{
          type: 'custom',
          renderItem: function (params, api) {
            var lane = api.value(0), a = api.coord([api.value(1), lane]), b = api.coord([api.value(2), lane]);
            var h = api.size([0, 1])[1] * 0.6;
            return { type: 'rect', shape: { x: a[0], y: a[1] - h / 2, width: Math.max(1, b[0] - a[0]), height: h },
                     style: { fill: api.visual('color') } };
          },
          encode: { x: [1, 2], y: 0 },
          data: regions.map(function (r) {
            return { name: regionName(r), value: [0, r.start, r.end],
                     itemStyle: { color: r.speaker ? speakerColour(r.speaker) : colour[r.kind] } };
          }).concat((d.windows || []).map(function (w) {
            // the real VAD windows from the window table, coloured by state while the job runs
            return { name: 'window ' + (w.index + 1) + ' ' + w.state.toLowerCase() + ' ' + w.start.toFixed(1) + '–' + w.end.toFixed(1) + ' s',
                     value: [1, w.start, w.end], itemStyle: { color: windowColour[w.state] } };
          }))
        }]
      };
    },
    carbon: function (el, d) {
      var curve = d.forecast.map(function (p) { return [p.at, p.gCo2PerKwh]; });
      var dots = d.waiting.filter(function (w) { return w.runAt && w.intensity != null; })
        .map(function (w) { return { name: w.name, value: [w.runAt, w.intensity] }; });
      var waiting = label(el, 'waiting', 'waiting jobs');
      return {
        grid: { left: 50, right: 20, top: 30, bottom: 40 },
        tooltip: { trigger: 'item', formatter: function (p) {
          return (p.seriesName === waiting ? p.data.name + '<br>' : '') + when(p.value[0])
            + ': ' + Math.round(p.value[1]) + ' g/kWh'; } },
        legend: { top: 0 },
        // day labels as month-day, hours as hh:mm; a narrow chart gets fewer labels so they never overlap
        xAxis: { type: 'time', splitNumber: el.clientWidth < 500 ? 3 : 8,
                 axisLabel: { hideOverlap: true, formatter: { day: '{MM}-{dd}', hour: '{HH}:{mm}', minute: '{HH}:{mm}' } } },
        yAxis: { type: 'value', name: 'g/kWh' },
        series: [
          { name: label(el, 'forecast', 'forecast'), type: 'line', showSymbol: false, data: curve, lineStyle: { color: '#2e7d32' },
            areaStyle: { color: 'rgba(46,125,50,0.12)' },
            markLine: { symbol: 'none', label: { formatter: label(el, 'now', 'now') }, lineStyle: { type: 'dashed', color: '#555' },
                        data: [{ xAxis: d.now }] } },
          { name: waiting, type: 'scatter', symbolSize: 12, data: dots, itemStyle: { color: '#1565c0' } }
        ]
      };
    },
    emissions: function (el, d) {
      return {
        grid: { left: 50, right: 20, top: 30, bottom: 60 },
        legend: { top: 0 }, tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: d.measured.map(function (m) { return m.name; }), axisLabel: { rotate: 30, width: 120, overflow: 'truncate', hideOverlap: true } },
        yAxis: { type: 'value', name: 'g CO2e' },
        series: [
          { name: label(el, 'realised', 'realised'), type: 'bar', data: d.measured.map(function (m) { return m.gco2e; }), itemStyle: { color: '#2e7d32' } },
          { name: label(el, 'counterfactual', 'had it run at once'), type: 'bar', data: d.measured.map(function (m) { return m.counterfactualGco2e; }),
            itemStyle: { color: '#9e9e9e' } }
        ]
      };
    },
    throughput: function (el, d) {
      return {
        grid: { left: 50, right: 20, top: 20, bottom: 60 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: d.map(function (t) { return t.name; }), axisLabel: { rotate: 30, width: 120, overflow: 'truncate', hideOverlap: true } },
        yAxis: { type: 'value', name: label(el, 'axis', '× real time') },
        series: [{ type: 'bar', data: d.map(function (t) { return +t.realtime.toFixed(2); }), itemStyle: { color: '#1565c0' } }]
      };
    }
  };
  window.greenscribeCharts = charts;

  // ECharts loads only on pages that draw a chart.
  function renderCharts() {
    if (!document.querySelector('.chart[data-src]')) return;
    if (!window.echarts) {
      var script = document.createElement('script');
      script.src = meta('echarts');
      script.onload = renderCharts;
      document.head.appendChild(script);
      return;
    }
    document.querySelectorAll('.chart[data-src]').forEach(function (el) {
      var make = charts[el.id];
      if (!make) return;
      fetch(el.dataset.src, { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (d) {
          var chart = echarts.init(el);
          chart.setOption(make(el, d));
          window.addEventListener('resize', function () { chart.resize(); });
          el.dataset.rendered = 'true';
          if (el.id === 'timeline') followRunningJob(el, chart);
        });
    });
  }

  // While the job runs, the timeline is fetched again with the live section, so windows fill in as they commit.
  function followRunningJob(el, chart) {
    var live = document.getElementById('live');
    if (!live || live.dataset.finished !== 'false') return;
    var timer = setInterval(function () {
      var now = document.getElementById('live');
      if (!now || now.dataset.finished !== 'false') { clearInterval(timer); return; }
      fetch(el.dataset.src, { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (d) { chart.setOption(charts.timeline(el, d), true); });
    }, 2000);
  }

  window.addEventListener('load', function () { dropZone(); renderCharts(); });
})();
