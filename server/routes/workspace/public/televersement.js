/*
 * Progress of an upload in the stewards' workspace. Without JavaScript the form posts as usual
 * (browsers show the upload's own progress) and the next page shows the load's progress. With it,
 * the file is sent with XMLHttpRequest so that a progress bar shows how much has gone; once sent,
 * the browser goes to the page that follows the load.
 */
(function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-televersement]');
  Array.prototype.forEach.call(forms, function (form) {
    var box = form.querySelector('.espace-progression');
    var bar = form.querySelector('progress');
    var text = form.querySelector('.espace-progression__texte');
    var clicked = null;
    // Not form.action: the buttons are named "action", which shadows the property.
    var target = new URL(form.getAttribute('action') || '', window.location.href).href;
    form.addEventListener('click', function (event) {
      if (event.target && event.target.name === 'action') clicked = event.target;
    });
    form.addEventListener('submit', function (event) {
      if (!window.FormData || !window.XMLHttpRequest || !box) return;
      event.preventDefault();
      var data = new FormData(form);
      if (clicked) data.append(clicked.name, clicked.value);
      var buttons = form.querySelectorAll('button');
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
      box.hidden = false;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', target);
      xhr.upload.addEventListener('progress', function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round((e.loaded / e.total) * 100);
        bar.value = percent;
        text.textContent = 'Envoi : ' + percent + ' %';
      });
      xhr.upload.addEventListener('load', function () {
        text.textContent = 'Fichier envoyé ; le traitement commence…';
      });
      xhr.addEventListener('load', function () {
        if (xhr.responseURL && xhr.responseURL !== target) {
          window.location.assign(xhr.responseURL);
          return;
        }
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      xhr.addEventListener('error', function () {
        text.textContent = 'L’envoi a échoué : vérifiez la connexion et recommencez.';
        Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
      });
      xhr.send(data);
    });
  });
})();
