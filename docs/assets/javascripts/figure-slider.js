// Interactive figures (hooks/figures.py): every frame is already in the page, drawn at
// build time; this script reveals the slider and shows the frame it selects.
// Without JavaScript the reader sees the default frame and no slider.
(function () {
  function setup(figure) {
    if (figure.dataset.ready) return;
    figure.dataset.ready = "1";
    var frames = figure.querySelectorAll(".mb-frame");
    var control = figure.querySelector(".mb-slider");
    var input = control.querySelector("input");
    var output = control.querySelector("output");
    var name = control.querySelector("label").textContent;
    function show() {
      var index = Number(input.value);
      frames.forEach(function (frame, i) { frame.hidden = i !== index; });
      var value = frames[index].dataset.value;
      output.textContent = value;
      input.setAttribute("aria-valuetext", name + " = " + value);
    }
    input.addEventListener("input", show);
    control.hidden = false;
    show();
  }
  function init() { document.querySelectorAll(".mb-interactive").forEach(setup); }
  // Material's instant navigation swaps pages without a reload: re-run on each page.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
