// Load site search when the reader reaches for it, not with every page.
//
// Material fetches search/search_index.json (the text of the whole book, which grows
// with every lesson) and starts its search worker as soon as any page loads. This
// script, run before Material's bundle, holds both back until the reader shows intent:
// pointing at or focusing the search box (clicking it, or the "/", "s", "f" shortcuts,
// which focus it). Until then the index request waits unsent and the worker is a
// stand-in that queues its messages; afterwards both behave exactly as Material expects.
(function () {
  var wanted = false;
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }
  function later(start) {
    if (wanted) start(); else waiting.push(start);
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.mbSearchIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.mbSearchIndex) return send.apply(request, args);
    later(function () { send.apply(request, args); });
  };

  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.[^/]*\.js$/.test(String(url))) return new RealWorker(url, options);
    var standIn = new EventTarget();
    var queued = [];
    var worker = null;
    standIn.postMessage = function (message) {
      if (worker) worker.postMessage(message); else queued.push(message);
    };
    standIn.terminate = function () { if (worker) worker.terminate(); };
    later(function () {
      worker = new RealWorker(url, options);
      worker.addEventListener("message", function (event) {
        standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      queued.splice(0).forEach(function (message) { worker.postMessage(message); });
    });
    return standIn;
  };

  function isSearch(target) {
    return target instanceof Element && target.closest(".md-search, label[for='__search']");
  }
  ["focusin", "pointerover", "touchstart"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (isSearch(event.target)) want();
    }, { passive: true, capture: true });
  });
})();
