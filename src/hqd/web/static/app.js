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

// Chart downloads: the SVG as drawn (it carries its own styles), or a PNG at twice its size.
(function () {
  "use strict";
  function visibleSvg(box) {
    const all = box.querySelectorAll("svg.chart");
    for (const svg of all) { if (svg.getBoundingClientRect().width > 0) return svg; }
    return all[0];
  }
  function save(href, name) {
    const a = document.createElement("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  document.addEventListener("click", function (event) {
    const button = event.target.closest("button.download");
    if (!button) return;
    const box = button.closest(".chart-box");
    const svg = box && visibleSvg(box);
    if (!svg) return;
    const name = (box.getAttribute("data-name") || "chart").replace(/[^A-Za-z0-9_.-]+/g, "-");
    const source = new XMLSerializer().serializeToString(svg);
    const url = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(source);
    if (button.getAttribute("data-format") === "svg") { save(url, name + ".svg"); return; }
    const image = new Image();
    image.onload = function () {
      const scale = 2;
      const canvas = document.createElement("canvas");
      canvas.width = svg.viewBox.baseVal.width * scale;
      canvas.height = svg.viewBox.baseVal.height * scale;
      const context = canvas.getContext("2d");
      context.scale(scale, scale);
      context.drawImage(image, 0, 0);
      save(canvas.toDataURL("image/png"), name + ".png");
    };
    image.src = url;
  });
})();
