// The print view's button; external file so a Content Security Policy needs no inline script.
document.querySelectorAll("[data-print]").forEach((knop) => {
  knop.addEventListener("click", () => window.print());
});
