// Buttons marked data-print open the browser's print dialog (kept out of the page for the CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
// A "Print" link to such a page (?print=1, from a list of records) opens the dialog once it has loaded.
if (new URLSearchParams(window.location.search).get("print") === "1" && document.querySelector("[data-print]")) {
  window.addEventListener("load", () => window.print());
}
