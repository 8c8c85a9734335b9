// After a form is refused, take keyboard and screen-reader focus to the summary of what is
// wrong (GOV.UK error summary pattern), or to the notice that someone else saved first.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("form-problems") || document.getElementById("conflict");
  if (summary) summary.focus();
});
