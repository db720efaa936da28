// Keeps every <span class="countdown" data-until="…"> live. The server already wrote the text once,
// so without JavaScript the page still says how long is left.
(function () {
  "use strict";
  var en = document.documentElement.lang === "en";

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function text(ms) {
    if (ms <= 0) { return en ? "The deadline has passed." : "De deadline is voorbij."; }
    var s = Math.floor(ms / 1000);
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
    if (d >= 1) {
      return en ? plural(d, "day", "days") + ", " + plural(h, "hour", "hours") + " and " + plural(m, "minute", "minutes") + " left."
        : "Nog " + plural(d, "dag", "dagen") + ", " + h + " uur en " + plural(m, "minuut", "minuten") + ".";
    }
    return en ? h + " h " + m + " min " + sec + " s left." : "Nog " + h + " uur, " + m + " min en " + sec + " s.";
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
