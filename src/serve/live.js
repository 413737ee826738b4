// goalsite serve: reloads the page when the site was rebuilt. Injected only
// into pages served by `goalsite serve`, never into `goalsite build` output.
(function () {
  var source = new EventSource("/__goalsite/events");
  source.addEventListener("reload", function () {
    window.location.reload();
  });
})();
