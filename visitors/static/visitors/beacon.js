/* Visitor counter beacon: counts a view once the page is really shown
   (not while prerendered or prefetched) and shows the new total. */
(function () {
  "use strict";
  var counter = document.querySelector("[data-visitor-beacon]");
  if (!counter || !window.fetch) { return; }
  function send() {
    fetch(counter.getAttribute("data-visitor-beacon"), {
      method: "POST", credentials: "omit", keepalive: true,
      headers: { "Content-Type": "text/plain" }, body: ""
    }).then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        var output = counter.querySelector("[data-visitor-count]");
        if (data && output) { output.textContent = data.display; }
      }).catch(function () { /* the count is not worth an error */ });
  }
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else if (document.visibilityState === "hidden") {
    document.addEventListener("visibilitychange", function onShow() {
      if (document.visibilityState === "visible") {
        document.removeEventListener("visibilitychange", onShow);
        send();
      }
    });
  } else {
    send();
  }
})();
