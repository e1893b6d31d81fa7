// 长辈模式 (elder mode), shared by the web chat and the 订阅通知 page. Loaded in <head> so the page never flashes
// small text: ?elder=1 (a county's link) or ?elder=0 switches it and remembers the choice on this device;
// otherwise the device's remembered choice applies. Every [data-elder-toggle] button switches it.
(function () {
  'use strict';
  var key = 'assistbot.elder';
  var root = document.documentElement;
  var param = null;
  try { param = new URLSearchParams(window.location.search).get('elder'); } catch (e) { /* very old browser */ }

  function stored() { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function remember(value) { try { window.localStorage.setItem(key, value ? '1' : '0'); } catch (e) { /* private mode */ } }

  var on = param === '1' ? true : param === '0' ? false : stored() === '1';
  if (param === '1' || param === '0') remember(on);

  function sync() {
    root.classList.toggle('elder', on);
    var buttons = document.querySelectorAll('[data-elder-toggle]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', on ? 'true' : 'false');
      var state = buttons[i].querySelector('.elder-state');
      // The state is in words, not only in colour.
      if (state) state.textContent = on ? '开' : '关';
    }
  }

  function set(value) {
    on = !!value;
    remember(on);
    sync();
    document.dispatchEvent(new CustomEvent('assistbot:elder', { detail: { on: on } }));
  }

  sync();
  document.addEventListener('DOMContentLoaded', function () {
    var buttons = document.querySelectorAll('[data-elder-toggle]');
    for (var i = 0; i < buttons.length; i++) buttons[i].addEventListener('click', function () { set(!on); });
    sync();
  });

  window.assistbotElder = { isOn: function () { return on; }, set: set };
})();
