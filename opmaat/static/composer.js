// Live preview for the route composer: re-plan whenever a field changes, without saving.
(function () {
  "use strict";
  var form = document.getElementById("route-form");
  var target = document.getElementById("preview-body");
  if (!form || !target) return;
  var timer = null;
  var latest = 0;

  function refresh() {
    var params = new URLSearchParams(new FormData(form));
    params.delete("csrfmiddlewaretoken");
    var ticket = ++latest;
    fetch(form.dataset.previewUrl + "?" + params.toString(), {
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    })
      .then(function (response) { return response.text(); })
      .then(function (html) { if (ticket === latest) target.innerHTML = html; })
      .catch(function () { /* keep the last preview; the save button still validates */ });
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }

  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  refresh();
})();
