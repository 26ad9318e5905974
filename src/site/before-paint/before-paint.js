// Theme and text size before the first paint: see src/site/components/PlanThemeProvider.astro.
window.StarlightThemeProvider = (function () {
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
        var tmpl = document.querySelector('#theme-icons');
        var newIcon = tmpl && tmpl.content.querySelector('.' + current);
        var oldIcon = newIcon && picker.querySelector('svg.label-icon');
        if (oldIcon) oldIcon.replaceChildren.apply(oldIcon, newIcon.cloneNode(true).childNodes);
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
