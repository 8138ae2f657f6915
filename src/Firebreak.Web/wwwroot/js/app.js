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

// CVSS calculator: rebuild the vector from the selects and ask the server for its score.
(function () {
  "use strict";
  function vectorOf(fieldset) {
    var parts = [];
    fieldset.querySelectorAll("select[data-metric]").forEach(function (s) {
      if (s.value && s.value !== "X") parts.push(s.getAttribute("data-metric") + ":" + s.value);
    });
    return fieldset.getAttribute("data-prefix") + parts.join("/");
  }
  var latest = {};
  function update(form, fieldset) {
    var key = fieldset.getAttribute("data-version");
    var vector = vectorOf(fieldset);
    // Answers can arrive out of order; only the newest request may write the result.
    var ticket = (latest[key] || 0) + 1;
    latest[key] = ticket;
    var body = new FormData();
    body.append("vector", vector);
    body.append("__RequestVerificationToken", form.querySelector("input[name=__RequestVerificationToken]").value);
    fetch(form.getAttribute("data-score-url"), { method: "POST", body: body, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (latest[key] !== ticket) return;
        form.querySelector(".cvss-vector[data-for=" + key + "]").textContent = j.valid ? j.vector : vector;
        form.querySelector(".cvss-score[data-for=" + key + "]").textContent = j.valid ? j.score : "incomplete";
        form.querySelector(".cvss-severity[data-for=" + key + "]").textContent =
          j.valid ? j.severity + (j.nomenclature ? " · " + j.nomenclature : "") : j.error;
      });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.cvss-calculator").forEach(function (form) {
      form.querySelectorAll("fieldset.cvss-version").forEach(function (fieldset) {
        fieldset.addEventListener("change", function () { update(form, fieldset); });
      });
    });
  });
})();
