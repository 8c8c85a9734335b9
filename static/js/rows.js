// "Add another decision / action": buttons marked data-add-row="<prefix>" add an empty row
// in the page, copied from <template id="<prefix>-empty">, and count it in the formset's
// TOTAL_FORMS. Without this script the button sends the form, and the server shows it again
// with one more row (meetings/rows.py). At the most rows allowed the button is left to the
// server, which says why there are no more.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-add-row]");
  if (!button) return;
  const prefix = button.dataset.addRow;
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const most = document.getElementById(`id_${prefix}-MAX_NUM_FORMS`);
  const template = document.getElementById(`${prefix}-empty`);
  const rows = document.getElementById(`${prefix}-rows`);
  if (!total || !most || !template || !rows) return;
  const count = Number(total.value);
  if (!(count < Number(most.value))) return;
  event.preventDefault();
  const html = template.innerHTML.replaceAll("__prefix__", String(count)).replaceAll("__number__", String(count + 1));
  rows.insertAdjacentHTML("beforeend", html);
  total.value = String(count + 1);
  const added = rows.lastElementChild;
  const first = added && added.querySelector("textarea, input:not([type=hidden]), select");
  if (first) first.focus();
  const status = document.getElementById(`${prefix}-status`);
  if (status) status.textContent = `${added.dataset.rowName || "Row"} ${count + 1} added.`;
});
