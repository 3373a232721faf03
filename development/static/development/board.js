// Dragging a card to another column of the action board submits the card's own move form
// with that column's status: the same request the buttons make, so without JavaScript (or
// by keyboard) the board works the same way.
document.addEventListener("DOMContentLoaded", () => {
  const board = document.querySelector(".action-board");
  if (!board) return;
  let dragged = null;
  board.addEventListener("dragstart", (event) => {
    dragged = event.target.closest(".board-card");
    if (dragged) event.dataTransfer.setData("text/plain", dragged.dataset.action);
  });
  board.querySelectorAll(".board-column").forEach((column) => {
    column.addEventListener("dragover", (event) => {
      if (dragged) {
        event.preventDefault();
        column.classList.add("board-column--over");
      }
    });
    column.addEventListener("dragleave", () => column.classList.remove("board-column--over"));
    column.addEventListener("drop", (event) => {
      event.preventDefault();
      column.classList.remove("board-column--over");
      if (!dragged || dragged.closest(".board-column") === column) return;
      const form = dragged.querySelector("form.board-move");
      const status = document.createElement("input");
      status.type = "hidden";
      status.name = "status";
      status.value = column.dataset.status;
      form.appendChild(status);
      form.submit();
    });
  });
});
