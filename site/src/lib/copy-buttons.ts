/**
 * "Kopiuj" buttons: each copies the text of the element its `data-copy` names and says so twice:
 * on the button itself for two seconds (where the eye is) and in the page's status region (read
 * by screen readers). Where the clipboard is refused, the text is
 * selected for the reader to copy by hand. Without JavaScript the buttons keep their place but
 * stay hidden, and the texts can be selected as any text.
 */
export function startCopyButtons(): void {
  const words = JSON.parse(document.getElementById('copy-words')?.textContent ?? '{}') as {
    copied?: string;
    copyFailed?: string;
  };
  const status = document.getElementById('copy-status');
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const target = document.getElementById(button.dataset.copy ?? '');
    if (!target) continue;
    const label = button.textContent ?? '';
    let restore: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      const text = target.textContent ?? '';
      try {
        await navigator.clipboard.writeText(text);
        if (status) status.textContent = words.copied ?? '';
        button.textContent = words.copied ?? label;
        clearTimeout(restore);
        restore = setTimeout(() => {
          button.textContent = label;
        }, 2_000);
      } catch {
        const range = document.createRange();
        range.selectNodeContents(target);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        if (status) status.textContent = words.copyFailed ?? '';
      }
    });
    button.classList.remove('awaiting-script');
  }
}
