// Drill-down: every number with data-ev opens the messages behind it. No network, no libraries.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("evidence").textContent);
  var panel = document.getElementById("panel");
  var title = document.getElementById("panel-title");
  var meta = document.getElementById("panel-meta");
  var list = document.getElementById("panel-list");
  var opener = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(key, from) {
    var ev = data.lists[key];
    if (!ev) return;
    opener = from || null;
    title.textContent = ev.t;
    var shown = ev.ex.length;
    meta.textContent = (ev.n === shown ? ev.n + (ev.n === 1 ? " example" : " examples")
      : "The " + shown + " most recent of " + ev.n) + (ev.p ? " \u00b7 principle: " + ev.p : "");
    list.textContent = "";
    ev.ex.forEach(function (ids) {
      var box = el("div", "example");
      ids.forEach(function (id) {
        var m = data.msgs[id];
        if (!m) return;
        var who = m[1] === 0 ? "you" : "partner";
        var bubble = el("div", "msg " + who);
        bubble.setAttribute("data-msg", id);
        bubble.appendChild(el("span", "meta", data.names[m[1]] + " \u00b7 " + m[0]));
        bubble.appendChild(document.createTextNode(m[2]));
        box.appendChild(bubble);
      });
      list.appendChild(box);
    });
    panel.hidden = false;
    document.getElementById("panel-close").focus();
  }

  function close() {
    panel.hidden = true;
    if (opener && opener.focus) opener.focus();
  }

  function fillWeekly() {
    var body = document.getElementById("weekly-body");
    if (!body || !data.weekly) return;
    var cols = data.weekly.cols;
    data.weekly.rows.forEach(function (row) {
      var tr = document.createElement("tr");
      tr.appendChild(el("td", "", row[0]));
      tr.appendChild(el("td", "", row[1] === 0 ? data.names[0] : data.names[1]));
      for (var c = 0; c < cols.length; c++) {
        var v = row[c + 2];
        var td = document.createElement("td");
        var key = cols[c] ? "w." + cols[c] + "." + row[1] + "." + row[0] : null;
        var text = v === null || v === undefined ? "\u2013" : String(v);
        if (key && data.lists[key]) {
          var b = el("button", "num", text);
          b.type = "button";
          b.setAttribute("data-ev", key);
          td.appendChild(b);
        } else {
          td.textContent = text;
        }
        tr.appendChild(td);
      }
      body.appendChild(tr);
    });
  }
  fillWeekly();

  document.addEventListener("click", function (e) {
    var target = e.target.closest ? e.target.closest("[data-ev]") : null;
    if (target) { show(target.getAttribute("data-ev"), target); }
  });
  // Quick exit: the button, or Esc twice; the report is replaced by a blank page, and Back does not return.
  var lastEsc = 0;
  function quickExit() {
    document.title = "New tab";
    document.body.textContent = "";
    window.location.replace("about:blank");
  }
  var exitButton = document.getElementById("quick-exit");
  if (exitButton) exitButton.addEventListener("click", quickExit);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !panel.hidden) { close(); lastEsc = 0; return; }  // closing a panel: not an exit
    if (e.key === "Escape") {
      var now = Date.now();
      if (now - lastEsc < 1500) { quickExit(); return; }
      lastEsc = now;
    }
    if ((e.key === "Enter" || e.key === " ") && e.target.getAttribute && e.target.tagName === "circle" &&
        e.target.getAttribute("data-ev")) {
      e.preventDefault();
      show(e.target.getAttribute("data-ev"), e.target);
    }
  });
  document.getElementById("panel-close").addEventListener("click", close);
})();
