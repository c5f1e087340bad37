// Light progressive enhancement: the menu on narrow screens, deadline colours, confirmations.
(function () {
  var toggle = document.querySelector('[data-toggle="nav"]');
  if (toggle) toggle.addEventListener('click', function () { document.getElementById('nav').classList.toggle('open'); });
  var now = Date.now();
  document.querySelectorAll('.due[data-due]').forEach(function (el) {
    var due = Date.parse(el.getAttribute('data-due'));
    if (!due) return;
    if (due < now) el.classList.add('late');
    else if (due - now < 4 * 3600 * 1000) el.classList.add('soon');
  });
  document.querySelectorAll('select[data-autosubmit]').forEach(function (el) {
    el.addEventListener('change', function () { el.form.submit(); });
  });
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) { if (!window.confirm(form.getAttribute('data-confirm'))) e.preventDefault(); });
  });
})();
