// The book's small script. Four jobs, run on every page (Material's instant navigation
// swaps pages without a reload):
//  1. interactive figures: show the slider and swap frames (below);
//  2. "Mark as done": a toggle at the end of a lesson, remembered by the browser, and a
//     mark on links to lessons already done (progress);
//  3. display math wider than the column gets tabindex="0", so keyboard users can
//     scroll it;
//  4. an accessible name for Material's search dialog (role="dialog", no label).
//
// Interactive figures (the mathbook-build plugin, src/mathbook_build). The page holds
// the default frame, drawn at build time; all frames are in a small HTML file
// (data-frames) that this script fetches when the figure comes near the viewport or the
// reader touches the slider. Without JavaScript the reader sees the default frame and no
// slider.
(function () {
  function setup(figure) {
    if (figure.dataset.ready) return;
    figure.dataset.ready = "1";
    var holder = figure.querySelector(".mb-frames");
    var control = figure.querySelector(".mb-slider");
    var input = control.querySelector("input");
    var output = control.querySelector("output");
    var name = control.querySelector("label").textContent;
    var values = figure.dataset.values.split(",");
    var frames = null;
    var loading = null;

    function load() {
      if (!loading) {
        loading = fetch(figure.dataset.frames)
          .then(function (response) {
            if (!response.ok) throw new Error("frames " + response.status);
            return response.text();
          })
          .then(function (text) {
            var template = document.createElement("template");
            template.innerHTML = text;
            holder.replaceChildren(template.content);
            frames = holder.querySelectorAll(".mb-frame");
            show();
          });
      }
      return loading;
    }
    function show() {
      var index = Number(input.value);
      output.textContent = values[index];
      input.setAttribute("aria-valuetext", name + " = " + values[index]);
      if (!frames) { load(); return; }
      frames.forEach(function (frame, i) { frame.hidden = i !== index; });
    }
    input.addEventListener("input", show);
    input.addEventListener("focus", load, { once: true });
    input.addEventListener("pointerdown", load, { once: true });
    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          observer.disconnect();
          load();
        }
      }, { rootMargin: "300px" });
      observer.observe(figure);
    }
    control.hidden = false;
  }
  // "Mark as done": a lesson page (part/week-n/lesson/) gets a toggle at its end; the
  // reader's browser remembers it (localStorage, nothing leaves the machine), and the
  // week page ticks the lessons already done.
  var LESSON = /\/week-\d+\/[^/]+\/$/;
  function doneKey(path) { return "mathbook.done:" + path.replace(/^.*?(\/[^/]+\/week-\d+\/[^/]+\/)$/, "$1"); }
  function isDone(path) { try { return localStorage.getItem(doneKey(path)) === "1"; } catch (e) { return false; } }
  function setDone(path, done) {
    try { done ? localStorage.setItem(doneKey(path), "1") : localStorage.removeItem(doneKey(path)); } catch (e) {}
  }
  function progress() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) return;
    var path = location.pathname.replace(/index\.html$/, "");
    if (LESSON.test(path) && !document.querySelector(".jupyter-wrapper") && !article.querySelector(".mb-done-toggle")) {
      var label = document.createElement("label");
      label.className = "mb-done-toggle";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = isDone(path);
      box.addEventListener("change", function () { setDone(path, box.checked); });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" I have finished this lesson"));
      article.appendChild(label);
    }
    article.querySelectorAll("a[href]").forEach(function (link) {
      var target = new URL(link.getAttribute("href"), location.href).pathname.replace(/index\.html$/, "");
      if (LESSON.test(target) && target !== path && isDone(target)) {
        link.classList.add("mb-done-mark");
        link.setAttribute("title", "You marked this lesson as done");
      }
    });
  }

  function init() {
    progress();
    document.querySelectorAll(".mb-interactive").forEach(setup);
    // display math wider than the column scrolls; keyboard users must reach it
    document.querySelectorAll(".katex-display").forEach(function (math) {
      if (math.scrollWidth > math.clientWidth + 1) math.setAttribute("tabindex", "0");
    });
    document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach(function (d) {
      d.setAttribute("aria-label", "Search the book");
    });
  }
  // Material's instant navigation swaps pages without a reload: run on every page.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
