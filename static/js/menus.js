// The header: one row. On a phone: brand, "Menu", the account button; on a desktop: brand, the
// navigation, the account button. Each button opens its panel under the row. When the whole
// navigation does not fit one row (a narrow desktop, or zoomed in), the header is marked
// crowded and the navigation folds behind "Menu" as on a phone. Without JavaScript the
// panels simply show.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  const header = document.querySelector("header.top");
  const nav = document.getElementById("main-nav");
  const fit = () => {
    if (!header || !nav) return;
    header.classList.remove("is-crowded");
    const list = nav.querySelector("ul");
    const crowded = getComputedStyle(nav).display !== "none" && list && list.scrollWidth > nav.clientWidth + 1;
    header.classList.toggle("is-crowded", Boolean(crowded));
  };
  fit();
  window.addEventListener("resize", fit);
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
