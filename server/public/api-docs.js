/*
 * The /api page's interactive console (Swagger UI, served from /assets/swagger-ui: no CDN), loaded
 * only when the reader asks for it: it is a third-party tool whose markup does not meet the
 * accessibility rules the rest of the site meets (see /accessibilite). The route list and the
 * error codes below it stay the page's content. A file, not an inline script: the CSP allows
 * scripts from 'self' only.
 */
(function () {
  'use strict';
  var button = document.querySelector('[data-swagger-start]');
  var element = document.getElementById('swagger-ui');
  if (!button || !element) return;

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
      node.onload = resolve;
      node.onerror = reject;
      document.head.appendChild(node);
    });
  }

  function start() {
    button.disabled = true;
    button.textContent = 'Chargement de la console…';
    Promise.all([
      load('link', { rel: 'stylesheet', href: '/assets/swagger-ui/swagger-ui.css' }),
      load('script', { src: '/assets/swagger-ui/swagger-ui-bundle.js' }),
    ]).then(function () {
      window.SwaggerUIBundle({
        url: element.getAttribute('data-spec-url'),
        domNode: element,
        deepLinking: true,
        validatorUrl: null,
        presets: [window.SwaggerUIBundle.presets.apis],
        layout: 'BaseLayout',
      });
      button.hidden = true;
      element.setAttribute('tabindex', '-1');
      element.focus();
    }).catch(function () {
      button.disabled = false;
      button.textContent = 'La console n’a pas pu être chargée : réessayer';
    });
  }

  button.hidden = false;
  button.addEventListener('click', start);
})();
