// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Copy buttons need script, so they ship hidden; the readonly textareas work without it.
  document.querySelectorAll("button.copy[hidden]").forEach(function (b) { b.hidden = false; });

  function legacyCopy(textarea) {
    textarea.focus();
    textarea.select();
    if (!document.execCommand("copy")) throw new Error("copy refused");
  }

  function copy(textarea) {
    var text = textarea.value;
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { legacyCopy(textarea); });
    }
    return new Promise(function (resolve) { legacyCopy(textarea); resolve(); });
  }

  document.addEventListener("click", function (e) {
    var btn = e.target.closest("button.copy");
    if (!btn) return;
    var textarea = document.getElementById(btn.dataset.copy);
    var status = btn.closest(".cite-menu").querySelector(".copy-status");
    copy(textarea).then(function () {
      status.textContent = "Copied " + btn.dataset.style + " citation";
      btn.textContent = "Copied";
      btn.classList.add("done");
      setTimeout(function () { btn.textContent = "Copy"; btn.classList.remove("done"); }, 2000);
    }, function () {
      textarea.select();
      status.textContent = "Copy failed: the text is selected, press Ctrl+C (⌘C on a Mac).";
    });
  });

  // One cite menu open at a time; Escape closes it and returns focus to its summary.
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (!d.matches || !d.matches("details.cite") || !d.open) return;
    document.querySelectorAll("details.cite[open]").forEach(function (o) { if (o !== d) o.open = false; });
  }, true);
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var d = e.target.closest && e.target.closest("details.cite[open]");
    if (d) { d.open = false; d.querySelector("summary").focus(); }
  });

  // A permalink lands on /sources/...#q-<id>; the browser scrolls there (CSS scroll-margin
  // leaves room above, :target highlights it). Moving focus too lets keyboard and
  // screen-reader users start at the quote.
  function focusTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.matches("mark.quote")) el.focus({ preventScroll: true });
  }
  window.addEventListener("hashchange", focusTarget);
  focusTarget();

  var sort = document.getElementById("sort");
  if (sort) sort.addEventListener("change", function () { sort.form.submit(); });
})();
