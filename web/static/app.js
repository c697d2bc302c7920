// Progressive enhancement only: every page works without this file (search, filters,
// paging and sorting are plain links and forms; citations are read-only text boxes).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Copy buttons and the preview need script, so they ship hidden.
  document.querySelectorAll("button.copy[hidden], .cite-preview[hidden]").forEach(function (el) {
    el.hidden = false;
  });

  function legacyCopy(text) {
    var t = document.createElement("textarea");
    t.value = text;
    t.setAttribute("readonly", "");
    t.className = "offscreen";
    document.body.appendChild(t);
    t.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(t);
    if (!ok) throw new Error("copy refused");
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { legacyCopy(text); });
    }
    return new Promise(function (resolve) { legacyCopy(text); resolve(); });
  }

  function menuOf(el) { return el.closest(".cite-menu"); }

  function preview(btn) {
    var menu = menuOf(btn);
    var pre = menu && menu.querySelector(".cite-preview");
    var source = document.getElementById(btn.dataset.copy);
    if (!pre || !source) return;
    pre.textContent = source.value;
    pre.setAttribute("aria-label", btn.dataset.style + " citation preview");
    menu.querySelectorAll("button.copy").forEach(function (b) { b.classList.toggle("current", b === btn); });
  }

  document.addEventListener("click", function (e) {
    var btn = e.target.closest("button.copy");
    if (btn) {
      var source = document.getElementById(btn.dataset.copy);
      var status = menuOf(btn).querySelector(".copy-status");
      preview(btn);
      copy(source.value).then(function () {
        status.textContent = "Copied " + btn.dataset.style + " citation";
        btn.classList.add("done");
        setTimeout(function () { btn.classList.remove("done"); }, 2000);
      }, function () {
        source.hidden = false;
        source.closest(".cite-style").classList.add("show-text");
        source.select();
        status.textContent = "Copy failed: the text is selected, press Ctrl+C (⌘C on a Mac).";
      });
      return;
    }
    // A click outside an open menu closes it.
    document.querySelectorAll("details.cite[open], details.export[open]").forEach(function (d) {
      if (!d.contains(e.target)) d.open = false;
    });
  });

  document.addEventListener("mouseover", function (e) {
    var btn = e.target.closest && e.target.closest("button.copy");
    if (btn) preview(btn);
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("button.copy")) preview(e.target);
  });

  // One menu open at a time; opening a cite menu shows its first style.
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (!d.matches || !d.matches("details.cite, details.export") || !d.open) return;
    document.querySelectorAll("details.cite[open], details.export[open]").forEach(function (o) {
      if (o !== d) o.open = false;
    });
    var first = d.querySelector("button.copy");
    if (first) preview(first);
  }, true);

  document.addEventListener("keydown", function (e) {
    var d = e.target.closest && e.target.closest("details.cite[open], details.export[open]");
    if (!d) return;
    if (e.key === "Escape") {
      d.open = false;
      d.querySelector("summary").focus();
      return;
    }
    // Arrow keys move between the styles (Tab works too).
    var buttons = Array.prototype.slice.call(d.querySelectorAll("button.copy, .export-menu a"));
    var i = buttons.indexOf(e.target);
    var next = null;
    if (e.key === "ArrowDown" || (e.key === "ArrowRight" && i >= 0)) next = buttons[(i + 1) % buttons.length];
    else if (e.key === "ArrowUp" || (e.key === "ArrowLeft" && i >= 0)) next = buttons[(i - 1 + buttons.length) % buttons.length];
    else if (e.key === "Home" && i >= 0) next = buttons[0];
    else if (e.key === "End" && i >= 0) next = buttons[buttons.length - 1];
    if (next && buttons.length) { e.preventDefault(); next.focus(); }
  });

  // A permalink lands on /sources/...?quote=<id>#q-<id>; the browser scrolls there (CSS
  // scroll-margin leaves room above, :target highlights it). Moving focus too lets
  // keyboard and screen-reader users start at the quote.
  function focusTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.matches("mark.quote")) el.focus({ preventScroll: true });
  }
  window.addEventListener("hashchange", focusTarget);
  focusTarget();

  // On a phone the filters would push the results a screen down: start them folded
  // (without script they stay open; on wider screens the toggle is not shown at all).
  if (window.matchMedia && window.matchMedia("(max-width: 52rem)").matches) {
    document.querySelectorAll("details.filters-toggle[open]").forEach(function (d) { d.open = false; });
  }

  // Changing the sort order reloads the results at once (the Apply button does it without script).
  document.querySelectorAll("select#sort").forEach(function (sort) {
    sort.addEventListener("change", function () { sort.form.submit(); });
  });
})();
