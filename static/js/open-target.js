// A link to a closed <details>, or to something inside one, opens it: the sections that load
// when opened (a report's dimensions) show what the link points to.
(() => {
  const openTarget = () => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const details = id && document.getElementById(id)?.closest("details");
    if (details && !details.open) details.open = true;
  };
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);
})();
