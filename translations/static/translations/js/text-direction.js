/* Set lang and dir on the text inputs of the admin screen, from the locale of
 * the page or snippet being edited (asked from the server, which knows it).
 * Works in Wagtail's page and snippet forms and in wagtail-localize's
 * translation editor, whose React inputs appear later (MutationObserver). */
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.dataset.directionUrl;
  if (!url) return;
  var FIELDS = 'input[type="text"], input:not([type]), textarea, [contenteditable="true"]';
  var SKIP = /(slug|url|date|_at$|time|release_id|lgd|email|search)/i;

  function apply(root, info) {
    var nodes = root.querySelectorAll ? root.querySelectorAll(FIELDS) : [];
    Array.prototype.forEach.call(nodes, function (node) {
      if (node.name && SKIP.test(node.name)) return;
      if (node.closest(".source-language, [data-source-text]")) return;
      node.setAttribute("lang", info.lang);
      node.setAttribute("dir", info.dir);
      node.classList.add("odop-script-field");
      node.style.fontFamily = '"' + info.font + '", "Noto Sans", sans-serif';
    });
  }

  fetch(url + "?path=" + encodeURIComponent(window.location.pathname), { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (info) {
      if (!info.lang) return;
      document.documentElement.dataset.contentLang = info.lang;
      document.documentElement.dataset.contentDir = info.dir;
      apply(document, info);
      new MutationObserver(function (mutations) {
        mutations.forEach(function (mutation) {
          Array.prototype.forEach.call(mutation.addedNodes, function (node) {
            if (node.nodeType === 1) {
              if (node.matches && node.matches(FIELDS)) apply(node.parentNode || document, info);
              else apply(node, info);
            }
          });
        });
      }).observe(document.body, { childList: true, subtree: true });
    })
    .catch(function () { /* no direction info: leave the fields as they are */ });
})();
