// Filters the claims table by rating, claimant and event. Rows carry their
// values as classes (fc-f-rating-*, fc-f-claimant-*, fc-f-event-*); without
// JavaScript every row shows.
document.addEventListener("DOMContentLoaded", function () {
  var selects = document.querySelectorAll("select[data-fc-filter]");
  var table = document.querySelector("table.fc-claims-table");
  var count = document.querySelector(".fc-filter-count");
  if (!selects.length || !table) return;
  function apply() {
    var wanted = [];
    selects.forEach(function (s) {
      if (s.value) wanted.push("fc-f-" + s.dataset.fcFilter + "-" + s.value);
    });
    var shown = 0;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var ok = wanted.every(function (cls) { return row.classList.contains(cls); });
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    var total = count.dataset.fcTotal;
    count.textContent = wanted.length ? "Showing " + shown + " of " + total + " claims." : "Showing all " + total + " claims.";
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  apply();
});
