// Tooltips for highlighted figures, and the side list that scrolls to each figure.
(function () {
  "use strict";
  const tip = document.getElementById("tooltip");
  function show(el) {
    const text = el.getAttribute("data-tip");
    if (!tip || !text) return;
    tip.textContent = text;  // textContent: never parsed as HTML
    tip.hidden = false;
    const box = el.getBoundingClientRect();
    tip.style.left = (window.scrollX + box.left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
  }
  function hide() { if (tip) tip.hidden = true; }
  document.addEventListener("mouseover", function (event) {
    const el = event.target.closest("[data-tip]");
    if (el) show(el); else hide();
  });
  document.addEventListener("focusin", function (event) {
    const el = event.target.closest("[data-tip]");
    if (el) show(el);
  });
  document.addEventListener("focusout", hide);
  document.addEventListener("click", function (event) {
    const link = event.target.closest("a.fact-link");
    if (!link) return;
    const target = document.getElementById(link.getAttribute("data-target"));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ behavior: "smooth", block: "center" });
    target.classList.add("flash");
    target.focus({ preventScroll: true });
    window.setTimeout(function () { target.classList.remove("flash"); }, 1600);
    history.replaceState(null, "", "#" + target.id);
  });
  const select = document.getElementById("indicator-select");
  if (select) {
    select.addEventListener("change", function () {
      const period = new URLSearchParams(window.location.search).get("period");
      window.location.href = "/indicators/" + encodeURIComponent(select.value) + (period ? "?period=" + encodeURIComponent(period) : "");
    });
  }
})();
