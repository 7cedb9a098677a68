// Shows the "print this page" button and makes it print. Only where this
// runs does the button appear, so that nobody without JavaScript sees a
// button that does nothing.
for (const button of document.querySelectorAll('button.print-button')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
