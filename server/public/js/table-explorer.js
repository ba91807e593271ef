/*
 * Table explorer enhancement: the form and the links (sort, filters, pages) keep working without
 * JavaScript; with it, the same addresses are fetched and only the explorer is replaced, without
 * reloading the page. The address bar follows (history), the back button works, the new result
 * is announced and the focus goes to the results' heading.
 */
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser || !window.history || !history.pushState) return;
  var SELECTOR = '[data-explorer]';
  var path = window.location.pathname;
  /** The query shown now: a popstate that changes only the fragment (the skip link) loads nothing. */
  var shown = window.location.search;

  function current() {
    return document.querySelector(SELECTOR);
  }

  function announce(text) {
    var live = document.querySelector('[data-explorer-status]');
    if (!live) return;
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function load(url, push) {
    var root = current();
    if (!root) return;
    root.setAttribute('aria-busy', 'true');
    fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (text) { return { url: response.url, text: text, status: response.status }; });
      })
      .then(function (result) {
        var doc = new DOMParser().parseFromString(result.text, 'text/html');
        var fresh = doc.querySelector(SELECTOR);
        if (!fresh || (result.status !== 200 && result.status !== 400)) {
          window.location.href = url;
          return;
        }
        current().replaceWith(fresh);
        document.title = doc.title;
        if (push) history.pushState({ explorer: true }, '', result.url);
        shown = new URL(result.url).search;
        var heading = fresh.querySelector('#erreurs .notice__title') || fresh.querySelector('#resultats');
        var summary = fresh.querySelector('#erreurs') ? 'La requête n’a pas pu être exécutée.' : (fresh.querySelector('#legende-tableau') || {}).textContent;
        if (heading) {
          if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
          heading.focus();
        }
        if (summary) announce(summary);
      })
      .catch(function () {
        window.location.href = url;
      });
  }

  function sameExplorer(url) {
    return url.origin === window.location.origin && url.pathname === path;
  }

  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest('a[href]');
    if (!link || !link.closest(SELECTOR) || link.hasAttribute('download')) return;
    var url = new URL(link.href, window.location.href);
    if (!sameExplorer(url)) return;
    event.preventDefault();
    load(url.toString(), true);
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('[data-explorer-form]')) return;
    event.preventDefault();
    var query = new URLSearchParams(new FormData(form)).toString();
    load(form.action + (query ? '?' + query : ''), true);
  });

  window.addEventListener('popstate', function () {
    if (window.location.search === shown) return;
    load(window.location.href, false);
  });
})();
