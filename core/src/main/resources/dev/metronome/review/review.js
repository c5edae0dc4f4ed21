// Metronome review page: keyboard first. 1-9 choose, j/k next/previous file, / search, s skip.
(function () {
  'use strict';
  function typing(target) {
    return target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (typing(e.target)) {
      if (e.key === 'Escape') { e.target.blur(); }
      return;
    }
    var target = null;
    if (e.key >= '1' && e.key <= '9') {
      target = document.querySelector('button[data-key="' + e.key + '"]');
    } else if (e.key === 'j' || e.key === 'k') {
      target = document.querySelector('a[data-key="' + e.key + '"]');
    } else if (e.key === 's') {
      target = document.querySelector('button[data-key="s"]');
    } else if (e.key === '/') {
      var search = document.getElementById('search-name');
      if (search) { e.preventDefault(); search.focus(); search.select(); }
      return;
    }
    if (target) {
      e.preventDefault();
      target.click();
    }
  });
})();
