// Copy buttons: copies the text of the element a [data-copy-target] button names and says so in its status.
// The Clipboard API needs a secure context (https or localhost); elsewhere the text is selected and copied
// with the older execCommand, which browsers still honour for a click.
for (const button of document.querySelectorAll('button[data-copy-target]')) {
  const target = document.getElementById(button.dataset.copyTarget);
  const status = document.querySelector(`[data-copy-status-for="${button.dataset.copyTarget}"]`);
  if (!target) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const text = target.textContent.trim();
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      const range = document.createRange();
      range.selectNodeContents(target);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      copied = document.execCommand('copy');
    }
    if (status)
      status.textContent = copied ? 'Copied to the clipboard.' : 'Select the text and copy it (Ctrl+C or ⌘C).';
  });
}
