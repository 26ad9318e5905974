// Theme and text size before the first paint: see src/site/components/PlanThemeProvider.astro.
window.StarlightThemeProvider = (function () {
  // Starlight's sun, moon and laptop icons, which the picker shows for the
  // chosen theme: drawn by the stylesheet (src/site/styles/icons.css), named
  // here by the icon's data-icon.
  var themeIcons = { light: 'sun', dark: 'moon', auto: 'laptop' };
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
        if (icon && themeIcons[current]) icon.setAttribute('data-icon', themeIcons[current]);
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
