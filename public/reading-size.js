// The reader's text size (小 / 中 / 大 / 特大), remembered on this device.
// A classic script in every page's head: it sets <html data-reading-size>
// before the body is parsed, so a page never paints at the wrong size first
// (src/site/styles/reading-size.css sizes the reading area from it). Then it wires
// the header control (src/components/ReadingSize.astro): a group of buttons
// with aria-pressed; on phones a 字号 button shows the group.
// Nothing leaves the browser: the choice is one localStorage entry.
(function () {
  var KEY = 'gangyao:reading-size';
  var SIZES = ['small', 'medium', 'large', 'x-large'];
  var DEFAULT = 'medium';
  var root = document.documentElement;

  function stored() {
    try {
      var value = localStorage.getItem(KEY);
      return SIZES.indexOf(value) >= 0 ? value : DEFAULT;
    } catch (e) {
      return DEFAULT; // storage disabled: the default size, no error
    }
  }
  function remember(size) {
    try {
      if (size === DEFAULT) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, size);
    } catch (e) {
      // Not remembered on this device; the page still changes size.
    }
  }

  root.setAttribute('data-reading-size', stored());

  function wire() {
    var control = document.querySelector('[data-reading-size-control]');
    if (!control) return;
    var toggle = control.querySelector('[data-reading-size-toggle]');
    var options = control.querySelectorAll('[data-reading-size-option]');
    function show(size) {
      root.setAttribute('data-reading-size', size);
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute('aria-pressed', String(options[i].getAttribute('data-reading-size-option') === size));
      }
    }
    function setOpen(open) {
      if (toggle) toggle.setAttribute('aria-expanded', String(open));
    }
    show(root.getAttribute('data-reading-size'));
    control.addEventListener('click', function (event) {
      var option = event.target.closest('[data-reading-size-option]');
      if (option) {
        var size = option.getAttribute('data-reading-size-option');
        show(size);
        remember(size);
      } else if (event.target.closest('[data-reading-size-toggle]')) {
        setOpen(toggle.getAttribute('aria-expanded') !== 'true');
      }
    });
    control.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && toggle && toggle.getAttribute('aria-expanded') === 'true') {
        setOpen(false);
        toggle.focus();
      }
    });
    document.addEventListener('click', function (event) {
      if (!control.contains(event.target)) setOpen(false);
    });
    // Another tab of the site changed the size.
    addEventListener('storage', function (event) {
      if (event.key === KEY || event.key === null) show(stored());
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
