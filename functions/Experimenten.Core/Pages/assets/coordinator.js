// Keeps the coordinator's table fresh: every 10 s it asks the API for the same page with the same filters
// (a same-origin fetch sends the sign-in the browser already has) and redraws the rows. Text only, never HTML
// from the server's data. countdown.js keeps the countdowns in the new rows ticking.
(function () {
  "use strict";
  var table = document.getElementById("applications");
  if (!table || !window.fetch) { return; }
  var d = table.dataset;
  var lang = d.lang === "en" ? "en" : "nl";
  var stages = JSON.parse(d.stages), waiting = JSON.parse(d.waiting), calls = JSON.parse(d.calls);
  var final = ["Ineligible", "Lapsed", "Rejected", "Completed", "Withdrawn", "Cancelled"];
  var status = document.getElementById("refresh-status");
  var when = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", {
    day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam"
  });

  function el(name, text, cls) {
    var e = document.createElement(name);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function iso(ms) { return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z"); }

  function row(item) {
    var isFinal = final.indexOf(item.stage) >= 0;
    var tr = el("tr");
    tr.setAttribute("data-id", item.id);
    var late = item.overdue && !isFinal && item.nextDeadline;
    if (late) { tr.className = "overdue"; }

    var first = el("td");
    var link = el("a", item.title);
    link.href = "/coordinator/applications/" + encodeURIComponent(item.id) + (lang === "en" ? "?lang=en" : "");
    first.appendChild(link);
    first.appendChild(el("span", item.initiativeName, "sub"));
    tr.appendChild(first);
    tr.appendChild(el("td", calls[item.callId] || item.callId));
    tr.appendChild(el("td", stages[item.stage] || item.stage, "stage-cell"));
    tr.appendChild(el("td", isFinal ? waiting[""] : (waiting[item.waitingOn] || waiting[""])));

    var cell = el("td", null, "deadline");
    if (!item.nextDeadline || isFinal) {
      cell.textContent = d.none;
    } else {
      var ms = Date.parse(item.nextDeadline);
      if (late) { cell.appendChild(el("strong", d.overdue, "overdue-flag")); cell.appendChild(document.createTextNode(" ")); }
      var time = el("time", when.format(new Date(ms)) + " (" + d.zone + ")");
      time.setAttribute("datetime", iso(ms));
      cell.appendChild(time);
      cell.appendChild(el("br"));
      var countdown = el("span", "", "countdown");
      countdown.setAttribute("data-until", iso(ms));
      cell.appendChild(countdown);
    }
    tr.appendChild(cell);
    return tr;
  }

  function refresh() {
    fetch(d.api, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (page) {
        var body = document.createElement("tbody");
        if (!page.items.length) {
          var empty = el("td", d.empty);
          empty.colSpan = 5;
          body.appendChild(el("tr")).appendChild(empty);
        }
        page.items.forEach(function (item) { body.appendChild(row(item)); });
        table.replaceChild(body, table.tBodies[0]);
        document.dispatchEvent(new Event("countdown:refresh"));
        if (status) { status.setAttribute("data-refreshed", iso(Date.now())); }
      })
      .catch(function () { /* keep the rows we have; the next round tries again */ });
  }

  window.setInterval(refresh, 10000);
}());
