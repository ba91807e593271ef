/* Starts Swagger UI on the /api page (a file, not an inline script: the CSP allows scripts from 'self' only). */
(function () {
  'use strict';
  function start() {
    var element = document.getElementById('swagger-ui');
    if (!element || typeof window.SwaggerUIBundle !== 'function') return;
    window.SwaggerUIBundle({
      url: element.getAttribute('data-spec-url'),
      domNode: element,
      deepLinking: true,
      validatorUrl: null,
      presets: [window.SwaggerUIBundle.presets.apis],
      layout: 'BaseLayout',
    });
    var fallback = document.getElementById('routes-list');
    if (fallback) fallback.hidden = true;
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
