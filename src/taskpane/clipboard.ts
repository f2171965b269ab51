/**
 * Copying a text to the clipboard from the pane.
 *
 * navigator.clipboard.writeText first. It can be refused: Office on the web hosts the
 * pane in a sandboxed iframe
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/privacy-and-security#web-clients)
 * whose permissions policy blocks the Clipboard API ("The Clipboard
 * API has been blocked because of a permissions policy",
 * https://github.com/OfficeDev/office-js/issues/1991,
 * https://github.com/OfficeDev/office-js/issues/3480), and document.execCommand('copy')
 * is reported failing in Excel on the web too
 * (https://github.com/OfficeDev/office-js/issues/2513). So a refusal is a value: the
 * caller then shows the text selected, for the user's own Ctrl+C (copySelected tries
 * execCommand on it once more).
 */

/** True when the text is on the clipboard. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // NotAllowedError: permissions policy, no user activation, or denied
  }
}

/** Selects the whole text of a (read-only) text box and asks the browser to copy it; false when it would not. */
export function copySelected(box: HTMLTextAreaElement): boolean {
  box.focus();
  box.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  }
}
