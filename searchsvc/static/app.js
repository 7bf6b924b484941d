// Small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("keydown", (event) => {
  // "/" jumps to the search box, as on many search sites.
  const box = document.getElementById("q");
  if (event.key === "/" && box && document.activeElement !== box) {
    event.preventDefault();
    box.focus();
    box.select();
  }
});
document.addEventListener("click", (event) => {
  // "cite" copies a citation line instead of only jumping to the paragraph.
  const link = event.target.closest("a.cite");
  if (link && navigator.clipboard) {
    navigator.clipboard.writeText(link.title).then(() => {
      link.dataset.copied = "1";
      link.textContent = "citation copied";
    }, () => {});
  }
});
