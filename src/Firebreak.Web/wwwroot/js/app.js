// Progressive enhancement only: every page works without this file.
// Keeps "time left" figures current to the minute without reloading the page.
(function () {
  "use strict";
  function format(ms) {
    var overdue = ms < 0, abs = Math.abs(ms);
    var minutes = Math.floor(abs / 60000), hours = Math.floor(minutes / 60), days = Math.floor(hours / 24);
    var text = days >= 1 ? days + "d " + (hours % 24) + "h"
      : hours >= 1 ? hours + "h " + String(minutes % 60).padStart(2, "0") + "m"
      : minutes + "m";
    return overdue ? "overdue by " + text : text + " left";
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll(".remaining[data-due]").forEach(function (el) {
      var due = Date.parse(el.getAttribute("data-due"));
      if (!isNaN(due)) el.textContent = format(due - now);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { tick(); setInterval(tick, 30000); });
})();
