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

// Passkeys: a form marked data-passkey asks the server for options (with the form's antiforgery
// token), lets the browser's authenticator answer, puts the answer in the form's Credential field
// and submits the form. The server checks everything; this only carries bytes as base64url.
(function () {
  "use strict";
  function bytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var raw = atob(b64), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out.buffer;
  }
  function text(buffer) {
    var view = new Uint8Array(buffer), raw = "";
    for (var i = 0; i < view.length; i++) raw += String.fromCharCode(view[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function ids(list) {
    (list || []).forEach(function (c) { c.id = bytes(c.id); });
  }
  function answer(credential) {
    if (typeof credential.toJSON === "function") return JSON.stringify(credential.toJSON());
    var r = credential.response, response = { clientDataJSON: text(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = text(r.attestationObject);
      response.transports = typeof r.getTransports === "function" ? r.getTransports() : [];
    } else {
      response.authenticatorData = text(r.authenticatorData);
      response.signature = text(r.signature);
      if (r.userHandle) response.userHandle = text(r.userHandle);
    }
    return JSON.stringify({ id: credential.id, rawId: text(credential.rawId), type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null, response: response,
      clientExtensionResults: credential.getClientExtensionResults() });
  }
  function say(form, message) {
    var status = form.querySelector(".passkey-status");
    if (status) status.textContent = message;
  }
  function ceremony(form) {
    var body = new FormData();
    body.append("__RequestVerificationToken", form.querySelector("input[name=__RequestVerificationToken]").value);
    return fetch(form.getAttribute("data-options-url"), { method: "POST", body: body, credentials: "same-origin" })
      .then(function (r) {
        // A sensitive step whose confirmation is stale is redirected to the confirmation page: go there.
        if (r.redirected) { window.location.assign(r.url); return null; }
        if (!r.ok) throw new Error("The server refused to start (" + r.status + "). Reload the page and try again.");
        return r.json();
      })
      .then(function (options) {
        if (!options) return null;
        options.challenge = bytes(options.challenge);
        if (form.getAttribute("data-passkey") === "create") {
          options.user.id = bytes(options.user.id);
          ids(options.excludeCredentials);
          return navigator.credentials.create({ publicKey: options });
        }
        ids(options.allowCredentials);
        return navigator.credentials.get({ publicKey: options });
      });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-passkey]").forEach(function (form) {
      if (!window.PublicKeyCredential || !navigator.credentials) {
        say(form, "This browser cannot use passkeys.");
        return;
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        say(form, "Waiting for your passkey…");
        ceremony(form).then(function (credential) {
          if (!credential) return;
          form.querySelector("input[name=Credential]").value = answer(credential);
          form.submit();
        }).catch(function (e) {
          say(form, e && e.name === "NotAllowedError" ? "No passkey answered (cancelled or timed out)." : (e && e.message) || "The passkey did not work.");
        });
      });
    });
  });
})();

// Time zone: offer the device's own zone when it differs from the one saved.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var select = document.getElementById("tz"), hint = document.getElementById("tz-suggest");
    if (!select || !hint || typeof Intl === "undefined") return;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === select.value || !Array.prototype.some.call(select.options, function (o) { return o.value === zone; })) return;
    document.getElementById("tz-device").textContent = zone.replace(/_/g, " ");
    hint.hidden = false;
    document.getElementById("tz-use").addEventListener("click", function () { select.value = zone; hint.hidden = true; });
  });
})();

// Live Markdown preview: a textarea marked data-preview="ID" in a form carrying data-markdown-url has its text
// rendered by the server (the same sanitiser as every page) into element ID while the user types. Without script the
// form's own "Preview" button does the same with a round trip.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-markdown-url] textarea[data-preview]").forEach(function (area) {
      var form = area.form;
      var target = document.getElementById(area.getAttribute("data-preview"));
      if (!form || !target) return;
      var timer = null;
      var ticket = 0;
      function render() {
        var mine = ++ticket;
        var body = new FormData();
        body.append("text", area.value);
        body.append("__RequestVerificationToken", form.querySelector("input[name=__RequestVerificationToken]").value);
        fetch(form.getAttribute("data-markdown-url"), { method: "POST", body: body, credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
          .then(function (html) { if (mine === ticket) target.innerHTML = html; }) // sanitised by the server
          .catch(function () { if (mine === ticket) target.textContent = "The preview is not available; \"Preview without saving\" shows it."; });
      }
      area.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(render, 300);
      });
    });
  });
})();

// A table wider than a phone's screen scrolls inside its own box (site.css); a box that scrolls must be reachable by
// keyboard too, so such a table joins the tab order while it overflows.
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll("main table").forEach(function (t) {
      if (t.scrollWidth > t.clientWidth + 1) {
        t.setAttribute("tabindex", "0");
      } else if (t.getAttribute("tabindex") === "0") {
        t.removeAttribute("tabindex");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("resize", mark);
})();
