/**
 * The header's text-size control (ReadingSize.astro): a group of buttons with
 * aria-pressed; on phones a 字号 button shows the group. The size itself is
 * set before the first paint by src/site/before-paint/before-paint.js, which reads the same
 * localStorage entry (reading-size-choice.ts: the two must agree,
 * tests/site/reading-size.test.ts checks they do). Nothing leaves the
 * browser: the choice is one localStorage entry.
 */

import { DEFAULT_READING_SIZE as DEFAULT, READING_SIZES, READING_SIZE_KEY } from './reading-size-choice';

const root = document.documentElement;

function stored(): string {
  try {
    const value = localStorage.getItem(READING_SIZE_KEY);
    return value !== null && (READING_SIZES as readonly string[]).includes(value) ? value : DEFAULT;
  } catch {
    return DEFAULT; // storage disabled: the default size, no error
  }
}

function remember(size: string): void {
  try {
    if (size === DEFAULT) localStorage.removeItem(READING_SIZE_KEY);
    else localStorage.setItem(READING_SIZE_KEY, size);
  } catch {
    // Not remembered on this device; the page still changes size.
  }
}

function wire(control: HTMLElement): void {
  const toggle = control.querySelector<HTMLButtonElement>('[data-reading-size-toggle]');
  const options = [...control.querySelectorAll<HTMLButtonElement>('[data-reading-size-option]')];
  const show = (size: string) => {
    root.setAttribute('data-reading-size', size);
    for (const option of options) option.setAttribute('aria-pressed', String(option.dataset.readingSizeOption === size));
  };
  const setOpen = (open: boolean) => toggle?.setAttribute('aria-expanded', String(open));
  show(root.getAttribute('data-reading-size') ?? stored());
  control.addEventListener('click', (event) => {
    const target = event.target as Element;
    const option = target.closest<HTMLElement>('[data-reading-size-option]');
    if (option) {
      const size = option.dataset.readingSizeOption!;
      show(size);
      remember(size);
    } else if (target.closest('[data-reading-size-toggle]')) {
      setOpen(toggle?.getAttribute('aria-expanded') !== 'true');
    }
  });
  control.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && toggle?.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      toggle.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!control.contains(event.target as Node)) setOpen(false);
  });
  // Another tab of the site changed the size.
  addEventListener('storage', (event) => {
    if (event.key === READING_SIZE_KEY || event.key === null) show(stored());
  });
}

const control = document.querySelector<HTMLElement>('[data-reading-size-control]');
if (control) wire(control);
