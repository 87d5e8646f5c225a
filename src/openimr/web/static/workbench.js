// The workbench's one behaviour of its own: a criterion's evidence link opens the document that holds the
// words (a closed <details>), scrolls them into view and highlights them. Marks answer to several evidence
// ids when spans overlap (data-ev holds them, space-separated).
function openEvidence(id) {
  const mark = document.querySelector(`.record mark[data-ev~="${CSS.escape(id)}"]`);
  if (!mark) return true;  // no mark (the record changed): follow the link to the page
  const holder = mark.closest("details");
  if (holder) holder.open = true;
  document.querySelectorAll(".record mark.focus").forEach((m) => m.classList.remove("focus"));
  mark.classList.add("focus");
  mark.scrollIntoView({ block: "center" });
  return false;
}
