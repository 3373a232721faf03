// Dragging as an enhancement of a form that works without it. A row marked
// `data-drag-item` (with `draggable="true"`) may be dropped on a `data-drop` element of the
// same `data-drag-group`; the drop fills the input named by the target's `data-drop-name`
// with its `data-drop-value` in the row's own `form[data-drag-form]`, and submits that form:
// the request its buttons make, through HTMX where the form has hx-post. Used by the action
// board (a card to another column: status) and by ordered lists (a row onto another row: its
// place), so the server stays the one that decides and keyboards keep the buttons.
(() => {
  let dragged = null;

  const target = (event) => {
    if (!dragged) return null;
    const group = dragged.dataset.dragGroup;
    let zone = event.target.closest("[data-drop]");
    while (zone && zone.dataset.dragGroup !== group) {
      zone = zone.parentElement && zone.parentElement.closest("[data-drop]");
    }
    return zone && !zone.contains(dragged) && !dragged.contains(zone) ? zone : null;
  };

  const clear = () =>
    document.querySelectorAll(".drag-over").forEach((el) => el.classList.remove("drag-over"));

  document.addEventListener("dragstart", (event) => {
    const row = event.target.closest && event.target.closest("[data-drag-item]");
    if (!row || row !== event.target) return;
    dragged = row;
    row.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", row.id || "");
  });

  document.addEventListener("dragend", () => {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    clear();
  });

  document.addEventListener("dragover", (event) => {
    const zone = target(event);
    if (!zone) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (!zone.classList.contains("drag-over")) {
      clear();
      zone.classList.add("drag-over");
    }
  });

  document.addEventListener("drop", (event) => {
    const zone = target(event);
    if (!zone) return;
    event.preventDefault();
    clear();
    const form = dragged.querySelector("form[data-drag-form]");
    if (!form) return;
    let input = form.querySelector(`input[name="${zone.dataset.dropName}"]`);
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = zone.dataset.dropName;
      form.appendChild(input);
    }
    input.value = zone.dataset.dropValue;
    form.requestSubmit();
  });
})();
