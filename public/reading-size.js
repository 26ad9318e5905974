// Sets the reader's text size before the first paint (ReadingSize.astro; key and sizes: src/site/client/reading-size.ts).
(function () {
  var value = 'medium';
  try {
    var stored = localStorage.getItem('gangyao:reading-size');
    if (['small', 'medium', 'large', 'x-large'].indexOf(stored) >= 0) value = stored;
  } catch (e) {}
  document.documentElement.setAttribute('data-reading-size', value);
})();
