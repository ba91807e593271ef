/*
 * Dataset maps (Leaflet, served from /assets). Settings come from the `data-map` attribute of
 * #carte-interactive (the CSP allows no inline script). Two kinds:
 *  - points: the records of the visible area, from the API's GeoJSON export with `_bbox`, reloaded
 *    as the user pans; a `_size=0` records query counts them first, so that a dense area asks the
 *    user to zoom in rather than loading everything. Points are clustered (leaflet.markercluster).
 *  - choropleth: the API's records grouped by commune, joined to the communes layer's GeoJSON
 *    export by commune code, in quantile classes with a legend.
 * Both fill the table that follows the map with the same information. Text from the data is
 * always set with textContent, never as HTML.
 */
(function () {
  'use strict';

  var PALETTE = ['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'];
  var NO_DATA = '#d0d0d0';
  var TABLE_ROWS = 100;

  var element = document.getElementById('carte-interactive');
  if (!element || !window.L || !window.fetch) return;
  var settings;
  try {
    settings = JSON.parse(element.getAttribute('data-map'));
  } catch (e) {
    return;
  }
  var section = element.closest('section') || document;
  var statusLine = section.querySelector('[data-map-status]');
  var tableBox = section.querySelector('[data-map-table]');

  function status(text) {
    if (statusLine) statusLine.textContent = text;
  }

  function number(value) {
    return typeof value === 'number' ? value.toLocaleString('fr-FR', { maximumFractionDigits: 2 }) : String(value);
  }

  function plural(n, one, many) {
    return number(n) + ' ' + (n < 2 ? one : many);
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  function fillTable(rows, caption) {
    if (!tableBox) return;
    var body = tableBox.querySelector('tbody');
    var fragment = document.createDocumentFragment();
    rows.forEach(function (cells) {
      var tr = document.createElement('tr');
      cells.forEach(function (cell, i) {
        var td = el(i === 0 ? 'th' : 'td', cell === null || cell === undefined ? '' : typeof cell === 'number' ? number(cell) : String(cell));
        if (i === 0) td.setAttribute('scope', 'row');
        if (typeof cell === 'number') td.className = 'num';
        tr.appendChild(td);
      });
      fragment.appendChild(tr);
    });
    body.replaceChildren(fragment);
    var captionNode = tableBox.querySelector('[data-map-caption]');
    if (captionNode) captionNode.textContent = caption;
    tableBox.hidden = false;
  }

  function createMap() {
    var map = L.map(element, { zoomControl: false, keyboard: true, minZoom: 5, maxZoom: 18 });
    L.control.zoom({ zoomInTitle: 'Zoom avant', zoomOutTitle: 'Zoom arrière' }).addTo(map);
    map.attributionControl.setPrefix('Leaflet');
    if (settings.tiles) L.tileLayer(settings.tiles, { attribution: settings.attribution || '', maxZoom: 19 }).addTo(map);
    var b = settings.bounds;
    map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [10, 10] });
    return map;
  }

  /* ---------- points ---------- */

  function startPoints(map) {
    var clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 });
    var shapes = L.geoJSON(null, { style: { color: '#1d4e6e', weight: 2, fillOpacity: 0.25 } });
    map.addLayer(clusters);
    map.addLayer(shapes);
    var loaded = null; // the bbox fully loaded last time, to skip reloads inside it
    var request = 0;
    var timer = null;

    if (settings.background) {
      getJson(settings.background).then(function (layer) {
        L.geoJSON(layer, { interactive: false, style: { color: '#8696a3', weight: 0.8, fill: false } }).addTo(map).bringToBack();
      }).catch(function () { /* the outlines are a help, not the data */ });
    }

    function bboxOf(bounds) {
      var clamp = function (v, min, max) { return Math.min(max, Math.max(min, v)); };
      return [clamp(bounds.getWest(), -180, 180), clamp(bounds.getSouth(), -90, 90), clamp(bounds.getEast(), -180, 180), clamp(bounds.getNorth(), -90, 90)]
        .map(function (v) { return v.toFixed(5); });
    }

    function contains(outer, inner) {
      return outer && +outer[0] <= +inner[0] && +outer[1] <= +inner[1] && +outer[2] >= +inner[2] && +outer[3] >= +inner[3];
    }

    function tableLink(properties) {
      if (!settings.key || settings.key.length === 0) return null;
      var query = new URLSearchParams();
      for (var i = 0; i < settings.key.length; i++) {
        var value = properties[settings.key[i]];
        if (value === null || value === undefined) return null;
        query.append(settings.key[i], String(value));
      }
      return settings.table + '?' + query.toString();
    }

    function popup(properties) {
      var box = el('div', null, 'map-popup');
      var fields = settings.fields;
      var title = properties[fields[Math.min(1, fields.length - 1)].name];
      box.appendChild(el('p', title === null || title === undefined ? '' : String(title), 'map-popup__title'));
      var list = document.createElement('dl');
      fields.forEach(function (f) {
        var value = properties[f.name];
        if (value === null || value === undefined || value === '') return;
        list.appendChild(el('dt', f.label));
        list.appendChild(el('dd', typeof value === 'number' ? number(value) : String(value)));
      });
      box.appendChild(list);
      var href = tableLink(properties);
      if (href) {
        var link = el('a', 'Voir la ligne dans le tableau');
        link.href = href;
        box.appendChild(link);
      }
      return box;
    }

    function labelOf(properties) {
      var fields = settings.fields;
      var named = properties[fields[Math.min(1, fields.length - 1)].name];
      return named === null || named === undefined ? 'Point' : String(named);
    }

    function draw(collection) {
      clusters.clearLayers();
      shapes.clearLayers();
      var markers = [];
      var rows = [];
      (collection.features || []).forEach(function (feature) {
        var g = feature.geometry;
        var properties = feature.properties || {};
        if (!g) return;
        if (g.type === 'Point') {
          var label = labelOf(properties);
          var marker = L.marker([g.coordinates[1], g.coordinates[0]], { title: label, alt: label, keyboard: true });
          marker.bindPopup(function () { return popup(properties); });
          markers.push(marker);
        } else {
          var shape = L.geoJSON(feature, { style: { color: '#1d4e6e', weight: 1.5, fillOpacity: 0.2 } });
          shape.bindPopup(function () { return popup(properties); });
          shapes.addLayer(shape);
        }
        if (rows.length < TABLE_ROWS) rows.push(settings.fields.map(function (f) { return properties[f.name]; }));
      });
      clusters.addLayers(markers);
      return rows;
    }

    function load() {
      var bbox = bboxOf(map.getBounds());
      if (contains(loaded, bbox)) return;
      var mine = ++request;
      status('Chargement des données de la zone affichée…');
      getJson(settings.records + '?' + new URLSearchParams({ _bbox: bbox.join(','), _size: '0' }).toString())
        .then(function (page) {
          if (mine !== request) return null;
          var total = page.total_count || 0;
          if (total > settings.maxPoints) {
            clusters.clearLayers();
            shapes.clearLayers();
            loaded = null;
            status(plural(total, 'ligne', 'lignes') + ' dans la zone affichée : rapprochez-vous (zoom avant) pour les afficher, ou consultez le tableau.');
            return null;
          }
          var query = new URLSearchParams({ _bbox: bbox.join(','), _select: settings.select });
          return getJson(settings.geojson + '?' + query.toString()).then(function (collection) {
            if (mine !== request) return;
            var rows = draw(collection);
            var count = (collection.features || []).length;
            loaded = bbox;
            status(count === 0 ? 'Aucune ligne dans la zone affichée.' : plural(count, 'ligne affichée', 'lignes affichées') + ' sur la carte.');
            fillTable(rows, count > rows.length
              ? 'Les ' + number(rows.length) + ' premières des ' + number(count) + ' lignes affichées sur la carte'
              : plural(count, 'ligne affichée', 'lignes affichées') + ' sur la carte');
          });
        })
        .catch(function () {
          if (mine === request) status('Les données de la carte n’ont pas pu être chargées. Le tableau des données reste disponible.');
        });
    }

    map.on('moveend', function () {
      clearTimeout(timer);
      timer = setTimeout(load, 250);
    });
    load();
  }

  /* ---------- choropleth ---------- */

  function quantileBreaks(values, classes) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var uppers = [];
    for (var i = 1; i <= classes; i++) {
      var v = sorted[Math.min(sorted.length - 1, Math.ceil((i * sorted.length) / classes) - 1)];
      if (uppers.length === 0 || v > uppers[uppers.length - 1]) uppers.push(v);
    }
    return { min: sorted[0], uppers: uppers };
  }

  function classOf(value, breaks) {
    for (var i = 0; i < breaks.uppers.length; i++) if (value <= breaks.uppers[i]) return i;
    return breaks.uppers.length - 1;
  }

  function startChoropleth(map) {
    var legend = section.querySelector('[data-map-legend]');
    var layerData = null;
    var drawn = null;

    function renderLegend(breaks, label, missing) {
      if (!legend) return;
      legend.querySelector('[data-map-legend-title]').textContent = label;
      var list = legend.querySelector('.legend__classes');
      var items = document.createDocumentFragment();
      breaks.uppers.forEach(function (upper, i) {
        var lower = i === 0 ? breaks.min : breaks.uppers[i - 1];
        var li = document.createElement('li');
        var swatch = el('span', String(i + 1), 'legend__swatch class-' + i);
        swatch.setAttribute('aria-hidden', 'true');
        li.appendChild(swatch);
        li.appendChild(el('span', 'Classe ' + (i + 1) + ' : ' + (i === 0 ? 'de ' + number(lower) : 'plus de ' + number(lower)) + ' à ' + number(upper)));
        items.appendChild(li);
      });
      var none = document.createElement('li');
      var swatch = el('span', '', 'legend__swatch class-none');
      swatch.setAttribute('aria-hidden', 'true');
      none.appendChild(swatch);
      none.appendChild(el('span', 'Sans valeur' + (missing ? ' (' + plural(missing, 'commune', 'communes') + ')' : '')));
      items.appendChild(none);
      list.replaceChildren(items);
      legend.hidden = false;
    }

    function draw(groups, measure) {
      var values = {};
      groups.forEach(function (g) {
        var v = g[measure.key];
        if (typeof v === 'number' && isFinite(v)) values[String(g[settings.commune])] = v;
      });
      var numbers = Object.keys(values).map(function (k) { return values[k]; });
      if (numbers.length === 0) {
        status('Aucune valeur à cartographier.');
        return;
      }
      var breaks = quantileBreaks(numbers, PALETTE.length);
      var names = {};
      var withoutValue = 0;
      if (drawn) map.removeLayer(drawn);
      drawn = L.geoJSON(layerData, {
        style: function (feature) {
          var v = values[String(feature.properties[settings.layerCode])];
          return {
            color: '#3d4a55', weight: 0.6, fillOpacity: 0.9,
            fillColor: v === undefined ? NO_DATA : PALETTE[classOf(v, breaks)],
            dashArray: v === undefined ? '2 3' : null,
          };
        },
        onEachFeature: function (feature, layer) {
          var code = String(feature.properties[settings.layerCode]);
          var name = settings.layerName ? feature.properties[settings.layerName] : code;
          names[code] = name;
          var v = values[code];
          if (v === undefined) withoutValue++;
          var text = name + ' (' + code + ') : ' + (v === undefined ? 'sans valeur' : number(v) + ', classe ' + (classOf(v, breaks) + 1) + ' sur ' + breaks.uppers.length);
          layer.bindTooltip(text, { sticky: true });
        },
      }).addTo(map);
      renderLegend(breaks, measure.label, withoutValue);
      var unmatched = 0;
      var rows = Object.keys(values).map(function (code) {
        if (names[code] === undefined) unmatched++;
        return [names[code] === undefined ? code + ' (contour absent de la couche)' : names[code], code, values[code], classOf(values[code], breaks) + 1];
      }).sort(function (a, b) { return String(a[0]).localeCompare(String(b[0]), 'fr'); });
      var header = section.querySelector('[data-map-value-header]');
      if (header) header.textContent = measure.label;
      fillTable(rows, measure.label + ' : ' + plural(rows.length, 'commune', 'communes'));
      status(plural(rows.length, 'commune a', 'communes ont') + ' une valeur' +
        (unmatched ? ' ; ' + plural(unmatched, 'code n’a', 'codes n’ont') + ' pas de contour dans la couche' : '') + '.');
    }

    function show(measure) {
      status('Chargement des valeurs…');
      var query = new URLSearchParams({ _group_by: settings.commune, _agg: measure.agg, _size: '1000', _count: 'false' });
      return getJson(settings.recordsBase + '?' + query.toString()).then(function (page) {
        draw(page.groups || [], measure);
      });
    }

    status('Chargement des contours des communes…');
    getJson(settings.layer)
      .then(function (layer) {
        layerData = layer;
        var bounds = L.geoJSON(layer).getBounds();
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
        var first = settings.measures.filter(function (m) { return m.key === settings.valueKey; })[0] || settings.measures[0];
        return show(first);
      })
      .catch(function () {
        status('La carte n’a pas pu être chargée. Les valeurs restent consultables dans le tableau.');
      });

    var form = section.querySelector('[data-map-measure-form]');
    if (form) {
      form.addEventListener('submit', function (event) {
        var chosen = form.querySelector('select').value;
        var measure = settings.measures.filter(function (m) { return m.value === chosen; })[0];
        if (!measure || !layerData) return;
        event.preventDefault();
        var url = new URL(window.location.href);
        url.searchParams.set('indicateur', chosen);
        url.hash = 'carte';
        history.replaceState(null, '', url.toString());
        show(measure).catch(function () { status('Les valeurs n’ont pas pu être chargées.'); });
      });
    }
  }

  var map = createMap();
  if (settings.kind === 'choropleth') startChoropleth(map);
  else startPoints(map);
})();
