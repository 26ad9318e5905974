// Theme and text size before the first paint: see src/site/components/PlanThemeProvider.astro.
window.StarlightThemeProvider = (function () {
  // Starlight's sun, moon and laptop icons (24 × 24), which the picker shows
  // for the chosen theme: here, cached with this file, rather than in a
  // <template> sent again with every page.
  var themeIcons = {
    light: 'M5 12a1 1 0 0 0-1-1H3a1 1 0 0 0 0 2h1a1 1 0 0 0 1-1Zm.64 5-.71.71a1 1 0 0 0 0 1.41 1 1 0 0 0 1.41 0l.71-.71A1 1 0 0 0 5.64 17ZM12 5a1 1 0 0 0 1-1V3a1 1 0 0 0-2 0v1a1 1 0 0 0 1 1Zm5.66 2.34a1 1 0 0 0 .7-.29l.71-.71a1 1 0 1 0-1.41-1.41l-.66.71a1 1 0 0 0 0 1.41 1 1 0 0 0 .66.29Zm-12-.29a1 1 0 0 0 1.41 0 1 1 0 0 0 0-1.41l-.71-.71a1.004 1.004 0 1 0-1.43 1.41l.73.71ZM21 11h-1a1 1 0 0 0 0 2h1a1 1 0 0 0 0-2Zm-2.64 6A1 1 0 0 0 17 18.36l.71.71a1 1 0 0 0 1.41 0 1 1 0 0 0 0-1.41l-.76-.66ZM12 6.5a5.5 5.5 0 1 0 5.5 5.5A5.51 5.51 0 0 0 12 6.5Zm0 9a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Zm0 3.5a1 1 0 0 0-1 1v1a1 1 0 0 0 2 0v-1a1 1 0 0 0-1-1Z',
    dark: 'M21.64 13a1 1 0 0 0-1.05-.14 8.049 8.049 0 0 1-3.37.73 8.15 8.15 0 0 1-8.14-8.1 8.59 8.59 0 0 1 .25-2A1 1 0 0 0 8 2.36a10.14 10.14 0 1 0 14 11.69 1 1 0 0 0-.36-1.05Zm-9.5 6.69A8.14 8.14 0 0 1 7.08 5.22v.27a10.15 10.15 0 0 0 10.14 10.14 9.784 9.784 0 0 0 2.1-.22 8.11 8.11 0 0 1-7.18 4.32v-.04Z',
    auto: 'M21 14h-1V7a3 3 0 0 0-3-3H7a3 3 0 0 0-3 3v7H3a1 1 0 0 0-1 1v2a3 3 0 0 0 3 3h14a3 3 0 0 0 3-3v-2a1 1 0 0 0-1-1ZM6 7a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v7H6V7Zm14 10a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-1h16v1Z',
  };
  var storedTheme = null;
  try {
    storedTheme = localStorage.getItem('starlight-theme');
  } catch (e) {}
  var theme = storedTheme || (matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');
  document.documentElement.dataset.theme = theme === 'light' ? 'light' : 'dark';
  return {
    updatePickers: function (current) {
      current = current || storedTheme || 'auto';
      document.querySelectorAll('starlight-theme-select').forEach(function (picker) {
        var select = picker.querySelector('select');
        if (select) select.value = current;
        var icon = picker.querySelector('svg.label-icon');
        if (icon && themeIcons[current]) {
          var drawing = document.createElementNS('http://www.w3.org/2000/svg', 'path');
          drawing.setAttribute('d', themeIcons[current]);
          icon.replaceChildren(drawing);
        }
      });
    },
  };
})();

(function () {
  var size = 'medium';
  try {
    var stored = localStorage.getItem('gangyao:reading-size');
    if (['small', 'medium', 'large', 'x-large'].indexOf(stored) >= 0) size = stored;
  } catch (e) {}
  document.documentElement.setAttribute('data-reading-size', size);
})();
