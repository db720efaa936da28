// The application form, enhanced: the same checks as the server before sending, the upload with a
// progress bar, and the success page without leaving the page. Without this file the form still posts
// as a plain HTML form and the server answers with a page.
(function () {
  "use strict";
  var form = document.getElementById("application-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) { return; }

  var summary = document.getElementById("error-summary");
  var upload = document.getElementById("upload");
  var progress = document.getElementById("upload-progress");
  var uploadStatus = document.getElementById("upload-status");
  var button = form.querySelector("button[type=submit]");
  var accepted = ["pdf", "docx", "odt", "png", "jpg", "jpeg"];
  var emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
  // One key per filled-in form: a double click or a retry after a lost answer lands on the same application.
  var idempotencyKey = randomKey();

  function msg(key, values) {
    var text = form.getAttribute("data-msg-" + key) || key;
    Object.keys(values || {}).forEach(function (k) { text = text.replace("{" + k + "}", values[k]); });
    return text;
  }

  // Mirrors Amounts.TryParseWholeEuros: Dutch or English notation, never a guess; null when it reads.
  var amountShape = /^([0-9]{1,3}([., ])[0-9]{3}(?:\2[0-9]{3})*|[0-9]+)(?:([.,])([0-9]{2}|--?))?$/;
  function amountProblem(text, max) {
    var value = text.replace(/\s+/g, " ").trim();
    var lower = value.toLowerCase();
    var currencies = ["€", "eur", "euros", "euro"];
    for (var i = 0; i < currencies.length; i++) {
      var c = currencies[i];
      if (lower.indexOf(c) === 0) { value = value.slice(c.length).trim(); break; }
      if (lower.length >= c.length && lower.lastIndexOf(c) === lower.length - c.length) { value = value.slice(0, value.length - c.length).trim(); break; }
    }
    if (/^[-\u2212]/.test(value)) { return amountShape.test(value.slice(1).trim()) ? "positive" : "euros"; }
    var m = amountShape.exec(value);
    if (!m || (m[2] && m[3] && m[2] === m[3]) || (m[2] && m[1].charAt(0) === "0")) { return "euros"; }
    if (m[4] && m[4].charAt(0) !== "-" && m[4] !== "00") { return "cents"; }
    var digits = m[2] ? m[1].split(m[2]).join("") : m[1];
    if (digits.length > 15 || parseInt(digits, 10) > max) { return "toohigh"; }
    return parseInt(digits, 10) <= 0 ? "positive" : null;
  }

  function randomKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function fieldFor(name) { return document.getElementById(name); }

  function labelText(name) {
    var label = document.querySelector("label[for='" + name + "']");
    return label ? label.textContent : name;
  }

  // Mirrors SubmissionValidator: required, length, email, whole euros (Amounts), plan text or one file, consent.
  function check() {
    var errors = {};
    function add(name, text) { (errors[name] = errors[name] || []).push(text); }
    form.querySelectorAll("input[type=text], input[type=email], textarea").forEach(function (el) {
      var value = el.value.trim();
      var max = parseInt(el.getAttribute("maxlength") || "0", 10);
      if (!value) {
        if (el.required) { add(el.name, msg("required")); }
        return;
      }
      if (max && value.length > max) { add(el.name, msg("toolong", { max: max, n: value.length })); return; }
      if (el.getAttribute("data-rule") === "email" && !emailPattern.test(value)) { add(el.name, msg("email")); }
      if (el.getAttribute("data-rule") === "euros") {
        var problem = amountProblem(value, parseInt(el.getAttribute("data-max") || "0", 10));
        if (problem) { add(el.name, msg(problem)); }
      }
    });
    var file = fieldFor("plan").files[0];
    if (file) {
      var ext = (file.name.split(".").pop() || "").toLowerCase();
      if (file.size > parseInt(form.getAttribute("data-max-bytes"), 10)) { add("plan", msg("filesize")); }
      else if (accepted.indexOf(ext) < 0) { add("plan", msg("filetype")); }
    } else if (!fieldFor("planText").value.trim() && !errors.planText) {
      add("planText", msg("plan"));
    }
    if (!fieldFor("consent").checked) { add("consent", msg("consent")); }
    return errors;
  }

  function clearErrors() {
    form.querySelectorAll(".field-error").forEach(function (el) { el.remove(); });
    form.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) {
      el.removeAttribute("aria-invalid");
      setDescribedBy(el, el.id + "-error", false);
    });
    summary.hidden = true;
  }

  function setDescribedBy(el, id, on) {
    var ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
    if (on) { ids.push(id); }
    if (ids.length) { el.setAttribute("aria-describedby", ids.join(" ")); } else { el.removeAttribute("aria-describedby"); }
  }

  // The same markup the server renders: an error above the field, tied to it by aria-describedby.
  function showErrors(errors, title, detail) {
    clearErrors();
    var list = document.createElement("ul");
    Object.keys(errors).forEach(function (name) {
      var text = errors[name].join(" ");
      var el = fieldFor(name);
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + (el ? name : "application-form");
      link.textContent = el ? labelText(name) + ": " + text : text;
      item.appendChild(link);
      list.appendChild(item);
      if (!el) { return; }
      var container = name === "callId" ? el.closest("fieldset") : el.closest(".field");
      var error = document.createElement("p");
      error.className = "field-error";
      error.id = name + "-error";
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = msg("error");
      error.appendChild(hidden);
      error.appendChild(document.createTextNode(text));
      container.classList.add("has-error");
      var anchor = name === "callId" ? container.querySelector("legend") : el;
      if (name === "callId" || el.type === "checkbox") { anchor.insertAdjacentElement(name === "callId" ? "afterend" : "beforebegin", error); }
      else { el.insertAdjacentElement("beforebegin", error); }
      var described = name === "callId" ? container : el;
      described.setAttribute("aria-invalid", "true");
      setDescribedBy(described, error.id, true);
      if (name === "callId") { described.removeAttribute("aria-invalid"); }
    });
    while (summary.firstChild) { summary.removeChild(summary.firstChild); }
    var heading = document.createElement("h2");
    heading.id = "error-summary-title";
    heading.textContent = title || msg("summary");
    summary.appendChild(heading);
    if (detail) {
      var p = document.createElement("p");
      p.textContent = detail;
      summary.appendChild(p);
    }
    summary.appendChild(list);
    summary.hidden = false;
    summary.focus();
  }

  function showAccepted(answer) {
    var template = document.getElementById("accepted-template");
    var page = template.content.cloneNode(true);
    var token = new URL(answer.statusUrl, window.location.href).searchParams.get("token") || "";
    page.querySelector("[data-slot=id]").textContent = answer.id;
    page.querySelector("[data-slot=status]").setAttribute("href", "/status/" + encodeURIComponent(token));
    var main = document.getElementById("main");
    while (main.firstChild) { main.removeChild(main.firstChild); }
    main.appendChild(page);
    document.title = document.getElementById("accepted-title").textContent + " · Experimenten";
    document.getElementById("accepted-title").focus();
    window.scrollTo(0, 0);
  }

  function setBusy(busy) {
    button.disabled = busy;
    upload.hidden = !busy;
    if (busy) { progress.value = 0; uploadStatus.textContent = msg("sending", { p: 0 }); }
  }

  function send() {
    var data = new FormData(form);
    data.delete("_format"); // JSON answers for the script; the plain form post asks for pages.
    if (!fieldFor("plan").files.length) { data.delete("plan"); }
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.getAttribute("action"));
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Idempotency-Key", idempotencyKey);
    xhr.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) { return; }
      var percent = Math.round(e.loaded / e.total * 100);
      progress.value = percent;
      progress.textContent = percent + "%";
      uploadStatus.textContent = msg("sending", { p: percent });
    });
    xhr.addEventListener("load", function () {
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (ignored) { answer = null; }
      setBusy(false);
      if (xhr.status === 202 && answer && answer.id) { showAccepted(answer); return; }
      if (answer && (answer.errors || answer.title)) {
        showErrors(answer.errors || {}, answer.title, answer.detail);
        // A refused submission is a new attempt once corrected.
        idempotencyKey = randomKey();
        return;
      }
      showErrors({}, msg("network"));
    });
    xhr.addEventListener("error", function () { setBusy(false); showErrors({}, msg("network")); });
    setBusy(true);
    xhr.send(data);
  }

  // A summary link moves focus to its field (a plain fragment link would only scroll there).
  summary.addEventListener("click", function (e) {
    var link = e.target.closest("a[href^='#']");
    var target = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!target) { return; }
    e.preventDefault();
    target.focus();
    var label = document.querySelector("label[for='" + target.id + "']");
    (label || target).scrollIntoView({ block: "center" });
  });

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (button.disabled) { return; }
    var errors = check();
    if (Object.keys(errors).length) { showErrors(errors); return; }
    clearErrors();
    send();
  });
}());
