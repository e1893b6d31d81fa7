// AssistBot web chat: a small Direct Line 3.0 client (REST + polling) with a phone-friendly UI.
(function () {
  'use strict';

  var root = document.getElementById('chat');
  var county = root.getAttribute('data-county');
  var base = '/directline/' + encodeURIComponent(county) + '/v3/directline';
  var texts = JSON.parse(document.getElementById('texts').textContent);
  var storageKey = 'assistbot.chat.' + county;

  var messages = document.getElementById('messages');
  var scroller = document.getElementById('scroll');
  var choices = document.getElementById('choices');
  var statusLine = document.getElementById('status');
  var form = document.getElementById('composer');
  var input = document.getElementById('input');

  var session = null;          // { conversationId, token }
  var watermark = '';
  var seen = {};               // activity ids already shown
  var pending = {};            // clientActivityID -> bubble element
  var pollTimer = null;
  var fastPollUntil = 0;
  var failures = 0;

  // 读给我听: the browser's speech synthesis, offered only when it has a Chinese voice.
  var speech = window.speechSynthesis && typeof window.SpeechSynthesisUtterance === 'function' ? window.speechSynthesis : null;
  var voice = null;
  var speaking = null;         // the 读给我听 button whose message is being read

  function findChineseVoice() {
    var voices = (speech && speech.getVoices()) || [];
    var found = null;
    for (var i = 0; i < voices.length; i++) {
      var lang = String(voices[i].lang || '').replace('_', '-').toLowerCase();
      if (lang.indexOf('zh') !== 0 && lang.indexOf('cmn') !== 0) continue;
      if (!found || (lang === 'zh-cn' && String(found.lang).replace('_', '-').toLowerCase() !== 'zh-cn')) found = voices[i];
    }
    voice = found;
    document.documentElement.classList.toggle('can-speak', !!voice);
  }

  function showSpeaking(button, on) {
    button.textContent = on ? texts.stopReading : texts.readAloud;
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
  }

  function readAloud(text, button) {
    if (!speech || !voice) return;
    var wasThis = speaking === button;
    speech.cancel();
    if (speaking) { showSpeaking(speaking, false); speaking = null; }
    if (wasThis) return;     // a second tap stops
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang || 'zh-CN';
    utterance.rate = 0.9;    // a little slower than default, for older listeners
    utterance.onend = utterance.onerror = function () {
      if (speaking === button) { showSpeaking(button, false); speaking = null; }
    };
    speaking = button;
    showSpeaking(button, true);
    speech.speak(utterance);
  }

  if (speech) {
    findChineseVoice();
    if (speech.addEventListener) speech.addEventListener('voiceschanged', findChineseVoice);
    else speech.onvoiceschanged = findChineseVoice;
  }

  function scrollToEnd() { scroller.scrollTop = scroller.scrollHeight; }

  // A new bot message is shown from its first line: scroll to the end, but never past the message's start.
  function revealFromStart(item) {
    scrollToEnd();
    var top = item.offsetTop - 8;
    if (scroller.scrollTop > top) scroller.scrollTop = Math.max(0, top);
  }

  function setStatus(text) { statusLine.textContent = text || ''; }

  function api(method, path, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (session && session.token) headers.Authorization = 'Bearer ' + session.token;
    return fetch(base + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (response) {
        if (!response.ok) { var e = new Error('HTTP ' + response.status); e.status = response.status; throw e; }
        return response.status === 204 ? null : response.json();
      });
  }

  function save() {
    try { sessionStorage.setItem(storageKey, JSON.stringify(session)); } catch (e) { /* private mode */ }
  }

  function restore() {
    try { return JSON.parse(sessionStorage.getItem(storageKey) || 'null'); } catch (e) { return null; }
  }

  function startConversation() {
    session = null;
    return api('POST', '/conversations', {}).then(function (c) {
      session = { conversationId: c.conversationId, token: c.token };
      watermark = '';
      save();
    });
  }

  function connect() {
    setStatus(texts.connecting);
    var saved = restore();
    var ready;
    if (saved && saved.conversationId && saved.token) {
      session = saved;
      // Same tab reloaded: continue the conversation if it is still there.
      ready = api('GET', '/conversations/' + encodeURIComponent(saved.conversationId)).then(function (c) {
        session.token = c.token; save();
      }, startConversation);
    } else {
      ready = startConversation();
    }
    return ready.then(function () {
      setStatus('');
      fastPollUntil = Date.now() + 5000;
      poll();
      setInterval(refreshToken, 10 * 60 * 1000);
    }, function () {
      setStatus(texts.reconnecting);
      setTimeout(connect, 3000);
    });
  }

  function refreshToken() {
    if (!session) return;
    api('POST', '/tokens/refresh').then(function (c) { session.token = c.token; save(); }, function () { });
  }

  function schedulePoll() {
    clearTimeout(pollTimer);
    var delay = document.hidden ? 5000 : (Date.now() < fastPollUntil ? 300 : 1000);
    if (failures > 0) delay = Math.min(15000, 1000 * Math.pow(2, failures));
    pollTimer = setTimeout(poll, delay);
  }

  function poll() {
    if (!session) return;
    var path = '/conversations/' + encodeURIComponent(session.conversationId) + '/activities?watermark=' + encodeURIComponent(watermark);
    api('GET', path).then(function (set) {
      failures = 0;
      setStatus('');
      (set.activities || []).forEach(show);
      if (set.watermark) watermark = set.watermark;
      schedulePoll();
    }, function (e) {
      if (e.status === 401 || e.status === 403 || e.status === 404) {
        setStatus(texts.ended);
        try { sessionStorage.removeItem(storageKey); } catch (x) { /* ignore */ }
        return;
      }
      failures++;
      setStatus(texts.reconnecting);
      schedulePoll();
    });
  }

  function show(activity) {
    if (!activity || (activity.id && seen[activity.id])) return;
    if (activity.id) seen[activity.id] = true;
    if (activity.type !== 'message') return;
    var fromUser = activity.from && activity.from.role === 'user';
    var clientId = activity.channelData && activity.channelData.clientActivityID;
    if (fromUser && clientId && pending[clientId]) {
      markSent(pending[clientId]);
      delete pending[clientId];
      return;
    }
    var bubble = addBubble(fromUser ? 'user' : 'bot', activity.text || '');
    (activity.attachments || []).forEach(function (a) { addAttachment(bubble, a); });
    if (!fromUser) {
      addReadAloud(bubble);
      showChoices(activity.suggestedActions && activity.suggestedActions.actions);
      revealFromStart(bubble.parentNode);
    }
  }

  function addBubble(side, text) {
    var item = document.createElement('li');
    item.className = 'msg msg-' + side;
    var bubble = document.createElement('div');
    bubble.className = 'msg-bubble';
    bubble.textContent = text;
    item.appendChild(bubble);
    messages.appendChild(item);
    scrollToEnd();
    return bubble;
  }

  function addReadAloud(bubble) {
    if (!speech) return;
    var text = bubble.innerText || bubble.textContent;
    if (!text || !text.trim()) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'msg-speak';
    showSpeaking(button, false);
    button.addEventListener('click', function () { readAloud(text, button); });
    bubble.parentNode.appendChild(button);
  }

  function addAttachment(bubble, attachment) {
    var content = attachment && attachment.content;
    if (!content || typeof content !== 'object') return;
    var card = document.createElement('div');
    card.className = 'msg-card';
    if (content.title) { var title = document.createElement('strong'); title.textContent = content.title; card.appendChild(title); }
    if (content.text) { var body = document.createElement('span'); body.textContent = content.text; card.appendChild(body); }
    if (card.childNodes.length) bubble.appendChild(card);
  }

  // Choices are numbered as on WeChat ("请回复数字"): typing "2" and tapping the second button do the same.
  function showChoices(actions) {
    choices.textContent = '';
    (actions || []).forEach(function (action, index) {
      var value = action.value != null ? String(action.value) : (action.title || '');
      var button = document.createElement('button');
      button.type = 'button';
      var number = document.createElement('span');
      number.className = 'choice-number';
      number.textContent = String(index + 1);
      var label = document.createElement('span');
      label.className = 'choice-label';
      label.textContent = action.title || value;
      button.appendChild(number);
      button.appendChild(label);
      button.addEventListener('click', function () { send(value, action.title || value); });
      choices.appendChild(button);
    });
    scrollToEnd();
  }

  function note(bubble, text, failed) {
    var item = bubble.parentNode;
    var old = item.querySelector('.msg-note');
    if (old) old.remove();
    item.classList.toggle('msg-failed', !!failed);
    if (!text) return null;
    var n = document.createElement('span');
    n.className = 'msg-note';
    n.textContent = text;
    bubble.appendChild(n);
    return n;
  }

  function markSent(bubble) { note(bubble, ''); }

  function send(text, shown) {
    text = (text || '').trim();
    if (!text || !session) return;
    choices.textContent = '';
    var clientId = Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
    var bubble = addBubble('user', shown || text);
    note(bubble, texts.sending);
    pending[clientId] = bubble;
    post(text, clientId, bubble);
  }

  function post(text, clientId, bubble) {
    var activity = {
      type: 'message',
      text: text,
      channelId: 'webchat',
      locale: 'zh-CN',
      from: { id: 'visitor', name: texts.visitor, role: 'user' },
      localTimestamp: new Date().toISOString(),
      localTimezone: (Intl.DateTimeFormat().resolvedOptions().timeZone || undefined),
      channelData: { clientActivityID: clientId }
    };
    fastPollUntil = Date.now() + 8000;
    api('POST', '/conversations/' + encodeURIComponent(session.conversationId) + '/activities', activity)
      .then(function () { poll(); }, function () {
        var n = note(bubble, texts.sendFailed, true);
        n.addEventListener('click', function () { note(bubble, texts.sending); post(text, clientId, bubble); }, { once: true });
      });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value;
    input.value = '';
    send(text);
    input.focus();
  });
  input.addEventListener('keydown', function (e) {
    // Enter sends, but not while a Chinese input method is still composing.
    if (e.key === 'Enter' && (e.isComposing || e.keyCode === 229)) e.preventDefault();
  });
  document.addEventListener('visibilitychange', function () { if (!document.hidden && session) poll(); });

  connect();
})();
