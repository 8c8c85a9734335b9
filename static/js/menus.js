// The header on a phone: one row (brand, "Menu", the account button); each button opens its
// panel below the row. Without JavaScript the panels simply show, as they do on a desktop.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  for (const toggle of document.querySelectorAll(".top-toggle")) {
    const panel = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!panel) continue;
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      panel.classList.toggle("is-open", open);
    });
  }
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const toggle of document.querySelectorAll('.top-toggle[aria-expanded="true"]')) {
      toggle.click();
      toggle.focus();
    }
  });
});
