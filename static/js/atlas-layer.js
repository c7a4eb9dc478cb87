/* Solidarity Cities Map: the places layer, its timeline (play in the browser), legend and layer switches.
 *
 * One compact payload (see src/mapdata/mapview.py `payload`) becomes canvas circle markers in one group
 * (clustered or not). Moving the timeline only adds and removes markers here: no server round trip.
 * A state, province or region is also drawn as its area (static/basemap/regions.geojson), under the markers, in
 * its marker's colour, shown when its marker is shown; a click inside it is a click on its marker.
 * Text from data is always set with textContent, never as HTML.
 */
(function () {
  "use strict";
  var DAY = 86400000;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Leaflet shows a string tooltip as HTML, and streamlit-folium sends its text back on a click: escaped, a
     name is shown and sent back exactly as written. */
  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function isoDay(day, precision) {
    var iso = new Date(day * DAY).toISOString();
    return precision === "year" ? iso.slice(0, 4) : precision === "month" ? iso.slice(0, 7) : iso.slice(0, 10);
  }

  function Atlas(map, data, options) {
    this.map = map;
    this.data = data;
    this.options = options || {};
    this.day = data.as_of;
    this.enabled = data.layers.map(function () { return true; });
    this.dates = "all";  /* which places play: "exact" dates only, also "listed" by a source's date, or "all" */
    this.playing = null;
    this.speed = 1;
    if (this.options.presenter) map.getContainer().classList.add("sc-presenter");
    this._basemap();
    this._markers();
    this._regions();
    this._controls();
    this.setDate(this.day);
  }

  Atlas.prototype._basemap = function () {
    var map = this.map;
    map.createPane("basemap").style.zIndex = 150; /* under web tiles (200): tiles cover it when they load */
    var style = { pane: "basemap", interactive: false, color: "#ffffff", weight: 0.8, fillColor: "#e4e7ea", fillOpacity: 1 };
    var add = function (geojson) { L.geoJSON(geojson, style).addTo(map); };
    if (this.data.basemap_inline) add(this.data.basemap_inline);
    else if (this.data.basemap_url) fetch(this.data.basemap_url).then(function (r) { return r.json(); }).then(add)
      .catch(function () { /* the places still show without the basemap */ });
  };

  Atlas.prototype._markers = function () {
    var d = this.data, o = this.options;
    var renderer = L.canvas({ padding: 0.5 });
    /* No chunkedLoading: a zoom while chunks were still being added left markers undrawn (markercluster issues
       740 and 743; seen in the load test, bench/README.md). Without it, adding 20,000 places is one task. */
    this.group = o.cluster && L.markerClusterGroup
      ? L.markerClusterGroup({ maxClusterRadius: 30, disableClusteringAtZoom: 7,
          showCoverageOnHover: false, spiderfyOnMaxZoom: false })
      : L.featureGroup();
    this.group.addTo(this.map);
    this.group.on("click", this._clickNow, this);
    var radius = o.radius || 6;
    this.markers = d.places.map(function (p, i) {
      var listed = p[5] < 0 && p[9] >= 0, undated = p[5] < 0 && !listed, color = d.colors[p[2]];
      var marker = L.circleMarker([p[0], p[1]], {
        renderer: renderer, radius: radius,
        color: p[3] >= 0 ? d.colors[p[3]] : listed ? color : "#333333", weight: p[3] >= 0 || listed ? 2 : 1,
        fillColor: undated ? "#ffffff" : color, fillOpacity: listed ? 0.35 : 0.9, opacity: 1,
        dashArray: undated ? "2 2" : null
      });
      marker.bindTooltip(escapeHtml(p[4]), { direction: "top", offset: [0, -radius] });
      marker._sc = { start: listed ? p[9] : p[5], listed: listed, end: p[6], nets: p[7], country: p[8], shown: false,
                     text: p[4], index: i, color: color, undated: undated, region: p[10] || null };
      return marker;
    });
  };

  /* Regions: one L.geoJSON layer in its own pane, above the basemap and web tiles, below the markers; each area
     filled with its marker's colour (paler where the marker is pale or hollow). Not interactive itself: the
     markers' canvas lies above it, so a map click that hit no marker is looked up here (`_regionClick`). */
  Atlas.prototype._regions = function () {
    var self = this, d = this.data;
    this.regionMarkers = this.markers.filter(function (m) { return m._sc.region; });
    if (!this.regionMarkers.length || !(d.regions_inline || d.regions_url)) return;
    var byId = {};
    this.regionMarkers.forEach(function (m) { byId[m._sc.region] = m; });
    this.map.createPane("regions").style.zIndex = 350;
    var add = function (geojson) {
      self.regionLayer = L.geoJSON(geojson, {
        pane: "regions", interactive: false,
        filter: function (f) { return byId.hasOwnProperty(f.id); },
        style: function (f) { return self._regionStyle(byId[f.id]._sc, false); },
        onEachFeature: function (f, layer) { var m = byId[f.id]; m._sc.area = layer; layer._sc = m._sc; }
      });
      self.regionLayer.eachLayer(function (layer) { self.regionLayer.removeLayer(layer); });
      self.regionLayer.addTo(self.map);
      self.map.on("click", self._regionClick, self);
      self._showRegions();
      self.select(self.selected === undefined ? -1 : self.selected);
      self.map.getContainer().setAttribute("data-regions", self.regionMarkers.filter(function (m) { return m._sc.area; }).length);
    };
    if (d.regions_inline) add(d.regions_inline);
    else fetch(d.regions_url).then(function (r) { return r.json(); }).then(add)
      .catch(function () { /* the markers still show without the areas */ });
  };

  Atlas.prototype._regionStyle = function (s, selected) {
    return { color: selected ? "#111111" : s.color, weight: selected ? 2.5 : 1, opacity: selected ? 0.9 : 0.6,
             fillColor: s.color, fillOpacity: s.undated ? 0.08 : s.listed ? 0.15 : 0.3,
             dashArray: s.undated ? "4 3" : null };
  };

  /* An area is shown exactly when its marker is (date, layers, the filters that made the payload). */
  Atlas.prototype._showRegions = function () {
    if (!this.regionLayer) return;
    for (var i = 0; i < this.regionMarkers.length; i++) {
      var s = this.regionMarkers[i]._sc, layer = s.area;
      if (!layer) continue;
      var on = this.regionLayer.hasLayer(layer);
      if (s.shown && !on) this.regionLayer.addLayer(layer);
      else if (!s.shown && on) this.regionLayer.removeLayer(layer);
    }
  };

  function inRing(ring, x, y) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  function inGeometry(geometry, x, y) {
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates]
      : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    return polygons.some(function (rings) {  /* even-odd over the rings: a hole is outside */
      return rings.reduce(function (inside, ring) { return inRing(ring, x, y) ? !inside : inside; }, false);
    });
  }

  /* The shown area under a point of the map (the smallest, where two overlap), or null. */
  Atlas.prototype.regionAt = function (latlng) {
    var ll = L.latLng(latlng).wrap(), best = null, bestSize = Infinity;
    for (var i = 0; i < this.regionMarkers.length; i++) {
      var s = this.regionMarkers[i]._sc, layer = s.area;
      if (!layer || !s.shown || !layer.getBounds().contains(ll)) continue;
      if (!inGeometry(layer.feature.geometry, ll.lng, ll.lat)) continue;
      var b = layer.getBounds(), size = (b.getNorth() - b.getSouth()) * (b.getEast() - b.getWest());
      if (size < bestSize) { best = this.regionMarkers[i]; bestSize = size; }
    }
    return best;
  };

  Atlas.prototype._regionClick = function (e) {
    var marker = this.regionAt(e.latlng);
    if (marker) this._clickNow({ sourceTarget: marker });
  };

  /* What a browser test checks of a place's area: drawn or not, and its fill beside its marker's colour. */
  Atlas.prototype.regionOf = function (tooltip) {
    for (var i = 0; i < this.markers.length; i++) {
      var s = this.markers[i]._sc;
      if (s.text !== tooltip) continue;
      var layer = s.area, drawn = !!(layer && this.regionLayer && this.regionLayer.hasLayer(layer));
      return { id: s.region, drawn: drawn, shown: s.shown, fill: layer ? layer.options.fillColor : null,
               markerFill: this.markers[i].options.fillColor, color: s.color };
    }
    return null;
  };

  /* A click goes to Streamlit at once: streamlit-folium sends it after a 250 ms debounce, half the
     click-to-panel time (bench/README.md); its own send then finds nothing new. The time `at` tells a new click
     from the remembered one, so that the same place opens again after its panel was closed. */
  Atlas.prototype._clickNow = function (e) {
    var G = window.__GLOBAL_DATA__, S = window.Streamlit, s = e.sourceTarget && e.sourceTarget._sc;
    if (!G || !S || !s || String(G.returned_objects) !== "last_object_clicked_tooltip") return;
    var plain = { last_object_clicked_tooltip: s.text.trim() };
    G.last_object_clicked_tooltip = plain.last_object_clicked_tooltip;
    G.previous_data = plain;
    if (s.index === this.selected) return;  // its panel is open already
    S.setComponentValue({ last_object_clicked_tooltip: plain.last_object_clicked_tooltip, at: Date.now() });
  };

  Atlas.prototype._visible = function (m, day) {
    var s = m._sc;
    if (s.start < 0 ? this.dates !== "all" : s.start > day || (s.listed && this.dates === "exact")) return false;
    if (s.end > 0 && s.end < day) return false;
    if (!s.nets) return this.enabled[this.enabled.length - 1];
    for (var i = 0; i < this.enabled.length - 1; i++) if (this.enabled[i] && (s.nets & (1 << i))) return true;
    return false;
  };

  /* Show the atlas as of a day (days since 1970-01-01). */
  Atlas.prototype.setDate = function (day) {
    this.day = Math.max(this.data.min_day, Math.min(this.data.max_day, Math.round(day)));
    var add = [], remove = [], count = 0, countries = {};
    for (var i = 0; i < this.markers.length; i++) {
      var m = this.markers[i], show = this._visible(m, this.day);
      if (show) { count++; countries[m._sc.country] = 1; }
      if (show !== m._sc.shown) { (show ? add : remove).push(m); m._sc.shown = show; }
    }
    if (this.group.addLayers) { this.group.removeLayers(remove); this.group.addLayers(add); }
    else { remove.forEach(function (m) { this.group.removeLayer(m); }, this); add.forEach(function (m) { this.group.addLayer(m); }, this); }
    this._showRegions();
    var n = Object.keys(countries).length;
    this.slider.value = this.day;
    this.dateLabel.textContent = isoDay(this.day, this.playing ? "month" : this.labelPrecision || "day");
    var k = this.networkSpans ? this._networksOn(this.day) : -1;
    this.counter.textContent = count + (count === 1 ? " place" : " places") + (k < 0 ? " in " : " · " + k + (k === 1 ? " network · " : " networks · "))
      + n + (n === 1 ? " country" : " countries");
    if (k >= 0) this.counter.setAttribute("data-networks", k);
    this.counter.setAttribute("data-places", count);
    this.counter.setAttribute("data-countries", n);
  };

  Atlas.prototype.play = function () {
    var self = this, range = this.range || [this.data.min_day, this.data.max_day];
    if (this.playing) return;
    if (this.day >= range[1]) this.day = range[0];
    this.held = 0;
    this.playButton.textContent = "❚❚";
    this.playButton.setAttribute("aria-label", "Pause");
    this.playing = setInterval(function () {
      if (self.loop && self.day >= range[1]) { if (++self.held > 40) { self.held = 0; self.setDate(range[0]); } return; } /* hold the end 2 s */
      var next = self.day + self.speed * 365 / 20; /* one year a second at 1x */
      if (next >= range[1]) { next = range[1]; if (!self.loop) self.pause(); }
      self.setDate(next);
    }, 50);
  };

  Atlas.prototype.pause = function () {
    clearInterval(this.playing);
    this.playing = null;
    this.playButton.textContent = "▶";
    this.playButton.setAttribute("aria-label", "Play");
    this.setDate(this.day);
  };

  Atlas.prototype.step = function (years) {
    this.pause();
    var date = new Date(this.day * DAY);
    date.setUTCFullYear(date.getUTCFullYear() + years);
    this.setDate(date.getTime() / DAY);
  };

  /* Highlight the selected place (by its index in the payload, -1 for none). */
  Atlas.prototype.select = function (index) {
    var before = this.markers[this.selected];
    if (before && before._sc.area) before._sc.area.setStyle(this._regionStyle(before._sc, false));
    this.selected = index;
    if (this.ring) { this.map.removeLayer(this.ring); this.ring = null; }
    var p = this.data.places[index];
    if (!p) return;
    if (this.markers[index]._sc.area) this.markers[index]._sc.area.setStyle(this._regionStyle(this.markers[index]._sc, true));
    this.ring = L.circleMarker([p[0], p[1]], { radius: 13, color: "#111111", weight: 3, fill: false, interactive: false })
      .addTo(this.map);
  };

  /* Screen position of a place inside the map (used by browser tests to click canvas markers). */
  Atlas.prototype.pointOf = function (tooltip) {
    for (var i = 0; i < this.data.places.length; i++) {
      if (this.data.places[i][4] === tooltip) {
        var pt = this.map.latLngToContainerPoint([this.data.places[i][0], this.data.places[i][1]]);
        return { x: pt.x, y: pt.y, shown: this.markers[i]._sc.shown };
      }
    }
    return null;
  };

  Atlas.prototype._controls = function () {
    var self = this, d = this.data;
    var Timeline = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = el("div", "sc-timeline leaflet-bar");
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        var row = el("div", "sc-row");
        self.playButton = el("button", "sc-play", "▶");
        self.playButton.type = "button";
        self.playButton.setAttribute("aria-label", "Play");
        self.playButton.onclick = function () { self.playing ? self.pause() : self.play(); };
        var back = el("button", "sc-step", "−1y"), fwd = el("button", "sc-step", "+1y");
        back.type = fwd.type = "button";
        back.title = "One year back"; fwd.title = "One year forward";
        back.onclick = function () { self.step(-1); };
        fwd.onclick = function () { self.step(1); };
        self.dateLabel = el("span", "sc-date");
        var speed = el("select", "sc-speed");
        speed.setAttribute("aria-label", "Speed");
        [0.5, 1, 2, 4].forEach(function (s) {
          var opt = el("option", null, s + "×");
          opt.value = s;
          if (s === 1) opt.selected = true;
          speed.appendChild(opt);
        });
        speed.onchange = function () { self.speed = parseFloat(speed.value); };
        self.speedSelect = speed;
        row.appendChild(self.playButton); row.appendChild(back); row.appendChild(fwd);
        row.appendChild(self.dateLabel); row.appendChild(speed);
        self.slider = el("input", "sc-slider");
        self.slider.type = "range";
        self.slider.min = d.min_day; self.slider.max = d.max_day; self.slider.step = 1;
        self.slider.setAttribute("aria-label", "Date");
        self.slider.oninput = function () { if (self.playing) self.pause(); self.setDate(parseInt(self.slider.value, 10)); };
        self.counter = el("div", "sc-count");
        var undated = el("label", "sc-undated");
        undated.appendChild(el("span", null, "Show"));
        self.datesSelect = el("select", "sc-dates");
        self.datesSelect.setAttribute("aria-label", "Places shown while playing");
        [["exact", "exact dates only"], ["listed", "exact and “listed by” dates"], ["all", "everything"]]
          .forEach(function (o) { var opt = el("option", null, o[1]); opt.value = o[0]; self.datesSelect.appendChild(opt); });
        self.datesSelect.value = self.dates;
        self.datesSelect.onchange = function () { self._setDates(self.datesSelect.value); self.setDate(self.day); };
        self.undatedNote = el("span", "sc-dates-note");
        undated.appendChild(self.datesSelect);
        undated.appendChild(self.undatedNote);
        self._setDates(self.dates);
        box.appendChild(row); box.appendChild(self.slider); box.appendChild(self.counter);
        if (d.undated || d.listed) box.appendChild(undated);
        return box;
      }
    });
    var Legend = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () {
        var box = el("div", "sc-legend leaflet-bar");
        box.style.maxHeight = Math.max(120, self.map.getSize().y - 100) + "px";  /* scrolls, never cut by the map's edge */
        box.style.overflowY = "auto";
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        var legend = el("details", "sc-legend-part");
        /* Open on a wide map; folded in presenter mode, where its large type covered Germany and Scandinavia
           (the presenter opens it with a click when the audience needs it). */
        legend.open = self.map.getSize().x > 800 && !self.options.presenter;
        legend.appendChild(el("summary", "sc-legend-title", d.legend_title));
        d.legend.forEach(function (item) {
          var row = el("div", "sc-legend-row");
          var dot = el("span", "sc-dot");
          dot.style.background = item.color;
          if (item.hollow) { dot.style.background = "#fff"; dot.style.border = "1px dashed #333"; }
          if (item.pale) { dot.style.opacity = "0.5"; dot.style.border = "2px solid #888"; }
          if (item.ring) { dot.style.background = "#fff"; dot.style.border = "3px solid " + item.ring; }
          row.appendChild(dot);
          row.appendChild(el("span", null, item.label));
          legend.appendChild(row);
        });
        box.appendChild(legend);
        if (d.layers.length > 2) {
          var layers = el("details", "sc-legend-part sc-layers");
          layers.appendChild(el("summary", "sc-legend-title", "Layers (" + (d.layers.length - 1) + " networks)"));
          d.layers.forEach(function (name, i) {
            var label = el("label", "sc-layer");
            var check = el("input");
            check.type = "checkbox"; check.checked = true;
            check.onchange = function () { self.enabled[i] = check.checked; self.setDate(self.day); };
            label.appendChild(check);
            label.appendChild(el("span", null, " " + name));
            layers.appendChild(label);
          });
          box.appendChild(layers);
        }
        return box;
      }
    });
    this.map.addControl(new Timeline());
    if (!this.options.hide_legend) this.map.addControl(new Legend());
    document.addEventListener("keydown", function (e) {
      if (e.target && /input|select|textarea/i.test(e.target.tagName) && e.target.type !== "range") return;
      if (e.key === " ") { e.preventDefault(); self.playing ? self.pause() : self.play(); }
      else if (e.key === "ArrowRight") { self.step(1); }
      else if (e.key === "ArrowLeft") { self.step(-1); }
    });
  };

  /* Presenter settings (src/mapdata/animation.py): play range, speed, loop, places with date unknown, the
     networks counter, the date label's precision, autoplay, and keys pressed in the page around the map. */
  Atlas.prototype.configure = function (o) {
    if (o.start_day !== undefined) this.range = [o.start_day, o.end_day];
    if (o.speed) { this.speed = o.speed; this.speedSelect.value = String(o.speed); }
    if (o.loop !== undefined) this.loop = o.loop;
    if (o.dates !== undefined) this._setDates(o.dates);
    if (o.network_spans) this.networkSpans = o.network_spans;
    if (o.label) this.labelPrecision = o.label;
    if (o.legend_closed) this.map.getContainer().querySelectorAll(".sc-legend details").forEach(function (d) { d.open = false; });
    if (o.page_keys) this._pageKeys();
    this.setDate(o.day !== undefined ? o.day : o.autoplay && this.range ? this.range[0] : this.day);
    if (o.autoplay) this.play();
  };

  /* Which places play, and the note that says how many stand on list dates or on nothing. */
  Atlas.prototype._setDates = function (mode) {
    var d = this.data, parts = [];
    this.dates = mode;
    if (this.datesSelect) this.datesSelect.value = mode;
    if (d.listed) parts.push(d.listed + " listed by a source's date" + (mode === "exact" ? ": not shown" : " (pale)"));
    if (d.undated) parts.push(d.undated + " with no date" + (mode === "all" ? " (dashed outline)" : ": not shown"));
    if (this.undatedNote) this.undatedNote.textContent = parts.join(" · ");
  };

  /* Networks with a membership running on a day: spans are [start, end, listed by] days per network, -1 for
     unknown; a membership with no date counts from its "listed by" day, or at every day with everything. */
  Atlas.prototype._networksOn = function (day) {
    var mode = this.dates;
    return this.networkSpans.filter(function (spans) {
      return spans.some(function (s) {
        var started = s[0] >= 0 ? s[0] <= day : s[2] >= 0 ? mode !== "exact" && s[2] <= day : mode === "all";
        return started && (s[1] < 0 || s[1] >= day);
      });
    }).length;
  };

  /* Space, ← and → also work while the page around the map has the focus (one handler per page). */
  Atlas.prototype._pageKeys = function () {
    var self = this, frame = window.frameElement, host;
    try { host = frame && window.parent.document; } catch (e) { return; }
    if (!host) return;
    if (window.parent.scPresenterKeys) host.removeEventListener("keydown", window.parent.scPresenterKeys);
    var onKey = function (e) {
      if (!frame.isConnected) { host.removeEventListener("keydown", onKey); return; }
      var t = e.target;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey
          || (t && (/input|select|textarea|button/i.test(t.tagName) || t.isContentEditable))) return;
      if (e.key === " ") { e.preventDefault(); self.playing ? self.pause() : self.play(); }
      else if (e.key === "ArrowRight") { e.preventDefault(); self.step(1); }
      else if (e.key === "ArrowLeft") { e.preventDefault(); self.step(-1); }
    };
    window.parent.scPresenterKeys = onKey;
    host.addEventListener("keydown", onKey);
  };

  window.SolidarityAtlas = {
    create: function (map, data, options) {
      var atlas = new Atlas(map, data, options);
      window.solidarityAtlas = atlas;
      return atlas;
    }
  };
})();
