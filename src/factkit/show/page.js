(function () {
  "use strict";
  var panel = document.getElementById("facts");
  var docs = document.getElementById("documents");
  var status = document.getElementById("status");

  function clear() {
    document.querySelectorAll(".seg.hl").forEach(function (el) { el.classList.remove("hl"); });
    document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
  }

  function segmentsOf(item) {
    if (item.dataset.fact) {
      return document.querySelectorAll('.seg[data-f~="' + CSS.escape(item.dataset.fact) + '"]');
    }
    return document.querySelectorAll('.seg[data-e~="' + CSS.escape(item.dataset.entity) + '"]');
  }

  function select(item, scrollText) {
    clear();
    item.classList.add("selected");
    var segs = segmentsOf(item);
    segs.forEach(function (el) { el.classList.add("hl"); });
    var name = item.dataset.fact || item.dataset.entity;
    status.textContent = segs.length
      ? name + ": evidence highlighted in the text"
      : name + ": no evidence in the texts shown";
    if (segs.length && scrollText) { segs[0].scrollIntoView({ block: "center" }); }
  }

  panel.addEventListener("click", function (event) {
    var item = event.target.closest(".fact, .entity");
    if (item) { select(item, true); }
  });
  panel.addEventListener("keydown", function (event) {
    var item = event.target.closest(".fact, .entity");
    if (item && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(item, true);
    }
  });
  docs.addEventListener("click", function (event) {
    var seg = event.target.closest(".seg[data-f]");
    if (!seg) { return; }
    var ids = seg.dataset.f.split(" ");
    var item = panel.querySelector('[data-fact="' + CSS.escape(ids[ids.length - 1]) + '"]');
    if (item) {
      select(item, false);
      item.scrollIntoView({ block: "nearest" });
    }
  });
})();
