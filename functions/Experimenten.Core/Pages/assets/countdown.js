// Keeps every <span class="countdown" data-until="…"> live. The server already wrote the text once,
// so without JavaScript the page still says how long is left. The words come from the layout
// (data-countdown-* and data-unit-* on <body>), in the page's language: none are in this file.
(function () {
  "use strict";
  var words = document.body.dataset;

  function unit(name, n) {
    var pattern = n === 1 ? words["unit" + name + "One"] : words["unit" + name + "Other"];
    return (pattern || "{0}").replace("{0}", String(n));
  }

  function text(ms) {
    if (ms <= 0) { return words.countdownPassed || ""; }
    var s = Math.floor(ms / 1000);
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
    if (d >= 1) {
      return (words.countdownLong || "").replace("{d}", unit("Day", d)).replace("{h}", unit("Hour", h)).replace("{m}", unit("Minute", m));
    }
    return (words.countdownShort || "").replace("{h}", String(h)).replace("{m}", String(m)).replace("{s}", String(sec));
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll(".countdown[data-until]").forEach(function (el) {
      var until = Date.parse(el.getAttribute("data-until"));
      if (!isNaN(until)) { el.textContent = text(until - now); }
    });
  }

  tick();
  window.setInterval(tick, 1000);
  // Rows redrawn by another script get their text at once instead of after the next second.
  document.addEventListener("countdown:refresh", tick);
}());
