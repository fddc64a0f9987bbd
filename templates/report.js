// The offline report's script (inlined by report.html.j2 and allowed by its hash in the
// Content-Security-Policy). It only reads the page: agency text is never turned into markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var events = data.events;
  var bodies = Array.prototype.slice.call(document.querySelectorAll("div.ev"));
  var byId = {};
  bodies.forEach(function (body) { byId[body.getAttribute("data-e")] = body; });
  var $ = function (id) { return document.getElementById(id); };
  var controls = ["f-text", "f-agency", "f-episode", "f-subject", "f-flag"].map($).filter(Boolean);
  var shown = $("shown");
  var haystacks = null;
  var marksByEvent = {};
  var svg = $("timeline-svg");

  // ------------------------------------------------------------ filters
  function value(id) { var el = $(id); return el ? el.value : ""; }

  function words() {
    return value("f-text").toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  function haystack(i) {
    if (haystacks === null) {
      haystacks = bodies.map(function (body) { return body.textContent.toLowerCase().replace(/\s+/g, " "); });
    }
    return haystacks[i];
  }

  function matcher() {
    var agency = value("f-agency"), episode = value("f-episode");
    var subject = value("f-subject"), flag = value("f-flag"), terms = words();
    var active = agency !== "" || episode !== "" || subject !== "" || flag !== "" || terms.length > 0;
    var test = function (ev, i) {
      if (agency !== "" && ev.a.indexOf(+agency) < 0) { return false; }
      if (episode === "-" && ev.e !== "") { return false; }
      if (episode !== "" && episode !== "-" && ev.e !== episode) { return false; }
      if (subject !== "" && ev.s.indexOf(+subject) < 0) { return false; }
      if (flag !== "" && ev.f.indexOf(+flag) < 0) { return false; }
      for (var k = 0; k < terms.length; k += 1) {
        if (haystack(i).indexOf(terms[k]) < 0) { return false; }
      }
      return true;
    };
    return { active: active, test: test };
  }

  function apply() {
    var m = matcher(), count = 0;
    for (var i = 0; i < events.length; i += 1) {
      var visible = !m.active || m.test(events[i], i);
      var body = bodies[i];
      if (body.hidden === visible) { body.hidden = !visible; }
      if (visible) { count += 1; }
      dimMarks(events[i].id, m.active && !visible);
    }
    shown.textContent = String(count);
    var summary = $("print-filter");
    if (summary) { summary.hidden = !m.active; summary.textContent = m.active ? describeFilter(count) : ""; }
  }

  function describeFilter(count) {
    var parts = controls.filter(function (el) { return el.value !== ""; }).map(function (el) {
      var label = el.closest("label").firstChild.textContent.trim();
      var text = el.tagName === "SELECT" ? el.options[el.selectedIndex].text : el.value;
      return label + ": " + text;
    });
    return "Filtered (" + parts.join("; ") + "): " + count + " of " + events.length + " events.";
  }

  function clearFilters() {
    controls.forEach(function (el) { el.value = ""; });
    apply();
  }

  controls.forEach(function (el) { el.addEventListener(el.tagName === "SELECT" ? "change" : "input", apply); });
  $("f-clear").addEventListener("click", clearFilters);
  document.querySelector("form.filters").addEventListener("submit", function (e) { e.preventDefault(); });

  // ------------------------------------------------------------ expanding rows
  function setExpanded(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    $(button.getAttribute("aria-controls")).hidden = !open;
  }

  document.getElementById("chronology-table").addEventListener("click", function (e) {
    var button = e.target.closest("button.expand");
    if (button) { setExpanded(button, button.getAttribute("aria-expanded") !== "true"); }
  });

  $("expand-all").addEventListener("click", function () {
    var open = this.getAttribute("aria-pressed") !== "true";
    this.setAttribute("aria-pressed", open ? "true" : "false");
    this.textContent = open ? "Hide the accounts" : "Show every account";
    document.querySelectorAll("button.expand").forEach(function (b) { setExpanded(b, open); });
  });

  // a link to an entry the filters hide clears the filters first
  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("a[href^='#E']") : null;
    if (!link) { return; }
    var body = byId[link.getAttribute("href").slice(1)];
    if (body && body.hidden) { clearFilters(); }
  });

  // ------------------------------------------------------------ timeline zoom
  var geo = data.timeline;
  var view = [0, geo.days];
  var zoomables = [];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var STEPS = [["day", 1], ["day", 7], ["month", 1], ["month", 3], ["month", 6],
    ["year", 1], ["year", 2], ["year", 5], ["year", 10]];
  var UNIT_DAYS = { day: 1, month: 30.44, year: 365.25 };
  var DAY_MS = 86400000;
  var SVGNS = "http://www.w3.org/2000/svg";

  function dimMarks(id, dim) {
    var list = marksByEvent[id];
    if (!list) { return; }
    for (var k = 0; k < list.length; k += 1) { list[k].classList.toggle("dim", dim); }
  }

  function X(d) {
    var x = geo.left + (d - view[0]) / (view[1] - view[0]) * (geo.right - geo.left);
    return Math.max(geo.left - 50, Math.min(geo.right + 50, x));
  }

  function ticks(v0, v1) {  // as chronology/render/timeline.py ticks()
    var step = STEPS[STEPS.length - 1];
    for (var s = 0; s < STEPS.length; s += 1) {
      if ((v1 - v0) / (UNIT_DAYS[STEPS[s][0]] * STEPS[s][1]) <= 12) { step = STEPS[s]; break; }
    }
    var unit = step[0], n = step[1], origin = Date.parse(geo.origin + "T00:00:00Z"), found = [];
    for (var d = Math.floor(v0); d <= Math.floor(v1); d += 1) {
      var day = new Date(origin + d * DAY_MS);
      var y = day.getUTCFullYear(), m = day.getUTCMonth(), dd = day.getUTCDate();
      var on = unit === "day" ? (n === 1 || day.getUTCDay() === 1)
        : unit === "month" ? (dd === 1 && m % n === 0) : (dd === 1 && m === 0 && y % n === 0);
      if (!on || d < v0) { continue; }
      var first = found.length === 0, label;
      if (unit === "year") { label = String(y); }
      else if (unit === "month") { label = first || m === 0 ? MONTHS[m] + " " + y : MONTHS[m]; }
      else { label = dd + " " + MONTHS[m] + (first || (m === 0 && dd === 1) ? " " + y : ""); }
      found.push([d, label]);
    }
    return found;
  }

  function redrawAxis() {
    var grid = svg.querySelector("g.grid"), axis = svg.querySelector("g.ticks");
    var bottom = +svg.querySelector("g.axis > line").getAttribute("y1");
    var top = +(grid.firstElementChild ? grid.firstElementChild.getAttribute("y1") : 30);
    grid.textContent = "";
    axis.textContent = "";
    ticks(view[0], view[1]).forEach(function (t) {
      var x = X(t[0]).toFixed(2);
      grid.appendChild(line(x, top, x, bottom - 1, "#CCCCCC", "0.6"));
      axis.appendChild(line(x, bottom, x, bottom + 5, "#595959", "1"));
      var text = document.createElementNS(SVGNS, "text");
      text.setAttribute("x", x); text.setAttribute("y", String(bottom + 18));
      text.setAttribute("text-anchor", "middle"); text.setAttribute("fill", "#1A1A1A");
      text.textContent = t[1];
      axis.appendChild(text);
    });
  }

  function line(x1, y1, x2, y2, stroke, width) {
    var el = document.createElementNS(SVGNS, "line");
    el.setAttribute("x1", x1); el.setAttribute("y1", String(y1));
    el.setAttribute("x2", x2); el.setAttribute("y2", String(y2));
    el.setAttribute("stroke", stroke); el.setAttribute("stroke-width", width);
    return el;
  }

  function setView(v0, v1) {
    var span = Math.min(geo.days, Math.max(7, v1 - v0));
    v0 = Math.max(0, Math.min(geo.days - span, v0));
    view = [v0, v0 + span];
    for (var k = 0; k < zoomables.length; k += 1) {
      var z = zoomables[k], el = z.el, a = X(z.d0), b = X(z.d1);
      if (z.kind === "circle") { el.setAttribute("cx", ((a + b) / 2).toFixed(2)); }
      else if (z.kind === "line") { el.setAttribute("x1", a.toFixed(2)); el.setAttribute("x2", b.toFixed(2)); }
      else if (z.kind === "text") {  // an episode's number stays in view while its band is
        el.setAttribute("x", (b <= geo.left ? b : Math.max(a, geo.left) + 3).toFixed(2));
      }
      else {
        var w = z.bar ? Math.max(geo.minBar, b - a) : b - a;
        el.setAttribute("x", (z.bar ? (a + b - w) / 2 : a).toFixed(2));
        el.setAttribute("width", Math.max(0, w).toFixed(2));
      }
    }
    redrawAxis();
    document.querySelectorAll("button.zoom-to").forEach(function (b) {
      var pressed = Math.abs(+b.getAttribute("data-d0") - view[0]) < 1 && Math.abs(+b.getAttribute("data-d1") - view[1]) < 1;
      b.setAttribute("aria-pressed", pressed ? "true" : "false");
    });
  }

  function svgX(clientX) {
    var point = svg.createSVGPoint();
    point.x = clientX; point.y = 0;
    return point.matrixTransform(svg.getScreenCTM().inverse()).x;
  }

  function dayAt(x) { return view[0] + (x - geo.left) / (geo.right - geo.left) * (view[1] - view[0]); }

  function zoomAround(day, factor) {
    var v0 = day - (day - view[0]) * factor, v1 = day + (view[1] - day) * factor;
    setView(v0, v1);
  }

  function setUpTimeline() {
    if (!svg) { return; }
    svg.querySelectorAll(".z").forEach(function (el) {
      var tag = el.tagName.toLowerCase();
      zoomables.push({ el: el, kind: tag, bar: el.classList.contains("m"),
        d0: +el.getAttribute("data-d0"), d1: +el.getAttribute("data-d1") });
      var id = el.getAttribute("data-e");
      if (id) { (marksByEvent[id] = marksByEvent[id] || []).push(el); }
    });
    document.querySelectorAll("button.zoom-to").forEach(function (b) {
      b.addEventListener("click", function () {
        var d0 = +b.getAttribute("data-d0"), d1 = +b.getAttribute("data-d1"), pad = (d1 - d0) * 0.04;
        setView(d0 - pad, d1 + pad);
        b.setAttribute("aria-pressed", "true");
      });
    });
    svg.addEventListener("wheel", function (e) {
      if (!(e.ctrlKey || e.metaKey || e.altKey)) { return; }
      e.preventDefault();
      zoomAround(dayAt(svgX(e.clientX)), e.deltaY > 0 ? 1.25 : 0.8);
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) { return; }
      dragged = false;
      drag = { x: svgX(e.clientX), view: view.slice(), moved: false };
    });
    window.addEventListener("pointermove", function (e) {
      if (!drag) { return; }
      var dx = svgX(e.clientX) - drag.x;
      if (!drag.moved && Math.abs(dx) < 4) { return; }
      drag.moved = true;
      svg.classList.add("dragging");
      var shift = dx / (geo.right - geo.left) * (drag.view[1] - drag.view[0]);
      setView(drag.view[0] - shift, drag.view[1] - shift);
    });
    var dragged = false;
    window.addEventListener("pointerup", function () {
      dragged = Boolean(drag && drag.moved);
      drag = null;
      svg.classList.remove("dragging");
    });
    svg.addEventListener("click", function (e) {  // the click that ends a drag follows no link
      if (dragged) { e.preventDefault(); e.stopPropagation(); dragged = false; }
    }, true);
    $("zoom-in").addEventListener("click", function () { zoomAround((view[0] + view[1]) / 2, 0.5); });
    $("zoom-out").addEventListener("click", function () { zoomAround((view[0] + view[1]) / 2, 2); });
  }

  setUpTimeline();
  window.setTimeout(function () { haystack(0); }, 300);  // the search index, once idle
  document.documentElement.classList.add("js");
  window.chronologyReport = { apply: apply, setView: setView, clearFilters: clearFilters };
}());
