/**
 * Copying to the clipboard, and saying so: the shared parts of the 引用
 * controls and the selection link.
 */

/**
 * Puts `text` on the clipboard: the Clipboard API where the page may use it
 * (a secure context), else the older `execCommand('copy')` on a hidden
 * textarea. True when one of them succeeded.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API here (an http origin) or no permission: try the old way.
  }
  const focused = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.className = 'clipboard-scratch';
  area.setAttribute('aria-hidden', 'true');
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  focused?.focus();
  return ok;
}

let clearTimer: number | undefined;

/** Says `message` in the page's status region (`#cite-status`, a polite live region shown as a toast). */
export function announce(message: string): void {
  const status = document.getElementById('cite-status');
  if (!status) return;
  // Emptied first, so that the same message twice is announced twice.
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = message;
  }, 50);
  window.clearTimeout(clearTimer);
  clearTimer = window.setTimeout(() => {
    status.textContent = '';
  }, 4000);
}
