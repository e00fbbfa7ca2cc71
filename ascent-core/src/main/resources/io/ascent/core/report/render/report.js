(function () {
  var form = document.getElementById('filters');
  if (!form) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll('.item'));
  function apply() {
    var statuses = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name=status]'), function (box) {
      statuses[box.value] = box.checked;
    });
    var check = form.querySelector('select[name=check]').value;
    items.forEach(function (item) {
      item.hidden = !statuses[item.getAttribute('data-status')]
          || (check !== '' && item.getAttribute('data-check') !== check);
    });
    Array.prototype.forEach.call(document.querySelectorAll('.file, section.group'), function (box) {
      box.hidden = box.querySelector('.item:not([hidden])') === null;
      if (check !== '' && !box.hidden && box.tagName === 'SECTION') {
        box.querySelector('details').open = true;
      }
    });
  }
  form.addEventListener('change', apply);
  form.hidden = false;
  apply();
}());
