/**
 * 跳至印刷版第 __ 页: reads the number typed (ASCII or full-width digits),
 * and goes to `/page/P/` when it is a printed page of the plan; otherwise it
 * says why in the form's status line and keeps the focus in the field.
 */
import { pageRedirectPath, withBase } from '../site-paths';

/** The printed page asked for, or the reason it cannot be gone to. */
export function parsePageNumber(raw: string, first: number, last: number): { page: number } | { error: string } {
  // Full-width digits (from a Chinese input method) count as digits.
  const text = raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (text === '') return { error: `请输入页码（${first}–${last}）。` };
  if (!/^\d+$/.test(text)) return { error: `“${raw.trim()}”不是页码，请输入${first}–${last}之间的数字。` };
  const page = Number(text);
  if (page < first || page > last) return { error: `印刷版共${last}页，请输入${first}–${last}之间的页码。` };
  return { page };
}

/** Wires every `form[data-page-jump]` under `root`. */
export function mountPageJumps(root: ParentNode): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-page-jump]')) {
    const input = form.querySelector<HTMLInputElement>('input[name="page"]')!;
    const status = form.querySelector<HTMLElement>('[role="status"]')!;
    const first = Number(form.dataset.first);
    const last = Number(form.dataset.last);
    const base = form.dataset.base ?? '/';
    form.noValidate = true;
    input.addEventListener('input', () => {
      input.removeAttribute('aria-invalid');
      status.textContent = '';
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const result = parsePageNumber(input.value, first, last);
      if ('error' in result) {
        input.setAttribute('aria-invalid', 'true');
        status.textContent = result.error;
        input.focus();
        return;
      }
      location.assign(withBase(pageRedirectPath(result.page), base));
    });
  }
}
