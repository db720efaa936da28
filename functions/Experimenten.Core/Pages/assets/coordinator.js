// Keeps the coordinator's table fresh: every 10 s it asks the server for the same rows with the same filters
// (data-rows; a same-origin fetch sends the sign-in the browser already has) and swaps the table's body for
// the one the server rendered, words, times and countdowns included. countdown.js keeps the new rows ticking.
(function () {
  "use strict";
  var table = document.getElementById("applications");
  if (!table || !window.fetch || !table.dataset.rows) { return; }
  var status = document.getElementById("refresh-status");

  function refresh() {
    fetch(table.dataset.rows, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.text(); })
      .then(function (html) {
        var template = document.createElement("template");
        template.innerHTML = html;
        var body = template.content.querySelector("tbody");
        if (!body) { return; }
        table.replaceChild(body, table.tBodies[0]);
        document.dispatchEvent(new Event("countdown:refresh"));
        if (status) { status.setAttribute("data-refreshed", new Date().toISOString().replace(/\.\d{3}Z$/, "Z")); }
      })
      .catch(function () { /* keep the rows we have; the next round tries again */ });
  }

  window.setInterval(refresh, 10000);
}());
