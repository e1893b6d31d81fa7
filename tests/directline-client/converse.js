// Holds a conversation with AssistBot through its Direct Line endpoint using the real botframework-directlinejs
// client (polling, or the WebSocket stream with --websocket), then checks that another conversation's token cannot read this one.
//   node converse.js <domain> [question] [--websocket]
//   domain = http://127.0.0.1:PORT/directline/xinfeng/v3/directline
//   --websocket: receive over the WebSocket streamUrl instead of polling
// Prints one line per step; exits 0 when every step worked, 1 otherwise.
'use strict';
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const webSocket = process.argv.includes('--websocket');
const domain = args[0];
const question = args[1] || '你好';
if (!domain) { console.error('usage: node converse.js <domain> [question] [--websocket]'); process.exit(2); }

function fail(message) { console.log('FAIL ' + message); process.exit(1); }
function step(name, value) { console.log(name + ' ' + JSON.stringify(value)); }

function waitFor(list, predicate, what, ms = 20000) {
  return new Promise((resolve) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const found = list.find(predicate);
      if (found) { clearInterval(timer); resolve(found); }
      else if (Date.now() - started > ms) { clearInterval(timer); fail('timed out waiting for ' + what); }
    }, 50);
  });
}

async function main() {
  const received = [];
  const statuses = [];
  const dl = new DirectLine({ domain, webSocket, pollingInterval: 300 });
  dl.connectionStatus$.subscribe((s) => statuses.push(ConnectionStatus[s]));
  dl.activity$.subscribe((a) => received.push(a), (e) => fail('activity stream error ' + e));

  const welcome = await waitFor(received, (a) => a.type === 'message' && a.from && a.from.role === 'bot', 'the welcome');
  const conversationId = welcome.conversation.id;
  step('CONNECTED', { conversationId, statuses, transport: webSocket ? 'websocket' : 'polling' });
  step('WELCOME', { text: welcome.text, choices: ((welcome.suggestedActions || {}).actions || []).map((x) => x.title) });

  const clientActivityID = 'node-' + Date.now();
  const id = await new Promise((resolve) => dl.postActivity({
    type: 'message', text: question, locale: 'zh-CN',
    from: { id: 'node-user', name: '测试' }, channelData: { clientActivityID },
  }).subscribe(resolve, (e) => fail('postActivity failed: ' + (e && e.status))));
  if (!id || id === 'retry') fail('postActivity returned ' + id);
  step('POSTED', { id });

  const echo = await waitFor(received, (a) => a.id === id, 'the echo of the posted message');
  if (!echo.channelData || echo.channelData.clientActivityID !== clientActivityID) fail('echo lost clientActivityID');
  if (!echo.from || echo.from.role !== 'user') fail('echo is not from the user');
  step('ECHO', { id: echo.id, clientActivityID: echo.channelData.clientActivityID });

  const reply = await waitFor(received, (a) => a.type === 'message' && a.replyToId === id && a.from.role === 'bot', 'the reply');
  step('REPLY', { text: reply.text, choices: ((reply.suggestedActions || {}).actions || []).map((x) => x.title) });

  // A second conversation's token must not open the first conversation.
  const second = await fetch(domain + '/conversations', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
  }).then((r) => r.json());
  if (second.conversationId === conversationId) fail('second conversation has the same id');
  const url = domain + '/conversations/' + encodeURIComponent(conversationId) + '/activities?watermark=';
  const refused = await fetch(url, { headers: { Authorization: 'Bearer ' + second.token } });
  step('OTHER_TOKEN', { status: refused.status });
  if (refused.status !== 403 && refused.status !== 401) fail('another conversation\'s token read this conversation');

  // The same through directlinejs: resuming the first conversation with the second token does not get online.
  const intruder = new DirectLine({ domain, token: second.token, conversationId, webSocket: false, pollingInterval: 300 });
  const intruderStatuses = [];
  const leaked = [];
  intruder.connectionStatus$.subscribe((s) => intruderStatuses.push(ConnectionStatus[s]));
  intruder.activity$.subscribe((a) => leaked.push(a), () => { });
  await new Promise((r) => setTimeout(r, 2000));
  intruder.end();
  step('INTRUDER', { statuses: intruderStatuses, activities: leaked.length });
  if (leaked.length > 0 || intruderStatuses.includes('Online')) fail('the intruder saw the conversation');

  dl.end();
  console.log('OK');
  process.exit(0);
}

main().catch((e) => fail(String(e && e.stack || e)));
