// The colleague picker of the registration form: a search field that filters the list as
// you type, and a team choice that ticks the team's members. Without JavaScript both stay
// hidden and the whole list shows. The list may arrive later (HTMX), hence the delegation.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function reveal(root) {
    root.querySelectorAll("[data-colleague-tools]").forEach(function (tools) {
      tools.hidden = false;
    });
  }

  document.addEventListener("input", function (event) {
    var list = event.target.dataset.filterList && document.getElementById(event.target.dataset.filterList);
    if (!list) return;
    var query = fold(event.target.value.trim());
    list.querySelectorAll("li").forEach(function (row) {
      row.hidden = query !== "" && fold(row.textContent).indexOf(query) === -1;
    });
  });

  document.addEventListener("change", function (event) {
    var list = event.target.dataset.teamList && document.getElementById(event.target.dataset.teamList);
    if (!list || !event.target.value) return;
    event.target.value.split(" ").forEach(function (id) {
      var box = document.getElementById(list.id + "_" + id);
      if (box) box.checked = true;
    });
  });

  document.addEventListener("DOMContentLoaded", function () { reveal(document); });
  document.addEventListener("htmx:afterSwap", function (event) { reveal(event.target); });
})();
