'use strict';
// Plays the WeChat Official Account and WeCom platforms against a running AssistBot, using an independent
// WXBizMsgCrypt implementation (@wecom/crypto, Tencent's official Node library):
//   - OA: URL verification (GET, plain signature), safe-mode text message (encrypt_type=aes), reply decrypted
//     and its MsgSignature verified, then a plain-mode text message.
//   - WeCom: URL verification (encrypted echostr), encrypted text message, reply decrypted and verified.
// Usage: node platform.js <config.json>   (see PlatformTests.cs for the fields). Prints a JSON report; exit 1 on failure.
const crypto = require('crypto');
const fs = require('fs');
const wecom = require('@wecom/crypto');

const cfg = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const report = { checks: [], replies: {} };
let failed = false;

function check(name, ok, detail) {
  report.checks.push({ name, ok: !!ok, detail });
  if (!ok) failed = true;
}

function plainSignature(token, timestamp, nonce) {
  return crypto.createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

function field(xml, name) {
  const m = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml);
  return m ? (m[1] !== undefined ? m[1] : m[2]) : undefined;
}

function now() { return String(Math.floor(Date.now() / 1000)); }
function nonce() { return String(crypto.randomInt(100000000, 2147483647)); }
function msgId() { return String(BigInt(Date.now()) * 1000n + BigInt(crypto.randomInt(0, 999))); }

function textXml(to, from, content) {
  return `<xml><ToUserName><![CDATA[${to}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName>` +
    `<CreateTime>${now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content>` +
    `<MsgId>${msgId()}</MsgId>` + (cfg.agentId && to === cfg.corpId ? `<AgentID>${cfg.agentId}</AgentID>` : '') + `</xml>`;
}

// Checks an encrypted passive reply the way the platform does: signature first, then decrypt and receiveId.
function openEncryptedReply(label, body, token, aesKey, receiveId, expectTo, expectContent) {
  const encrypt = field(body, 'Encrypt');
  const signature = field(body, 'MsgSignature');
  const timestamp = field(body, 'TimeStamp');
  const replyNonce = field(body, 'Nonce');
  check(`${label}: reply has Encrypt/MsgSignature/TimeStamp/Nonce`, encrypt && signature && timestamp && replyNonce, body.slice(0, 200));
  if (!encrypt) return;
  check(`${label}: reply MsgSignature verifies`, wecom.getSignature(token, timestamp, replyNonce, encrypt) === signature);
  const { message, id } = wecom.decrypt(aesKey, encrypt);
  check(`${label}: reply receiveId is ${receiveId}`, id === receiveId, id);
  check(`${label}: reply is a text message to ${expectTo}`,
    field(message, 'ToUserName') === expectTo && field(message, 'MsgType') === 'text', message);
  const content = field(message, 'Content') || '';
  report.replies[label] = content;
  check(`${label}: reply content`, content.includes(expectContent), content);
}

async function officialAccount() {
  const base = `${cfg.baseUrl}/wechat/${cfg.county}`;
  // URL verification.
  let ts = now(), n = nonce();
  const echostr = String(crypto.randomInt(1, 2147483647)) + '4375120948345356249';
  let res = await fetch(`${base}?signature=${plainSignature(cfg.oaToken, ts, n)}&timestamp=${ts}&nonce=${n}&echostr=${echostr}`);
  check('OA: URL verification echoes echostr', res.status === 200 && (await res.text()) === echostr, res.status);

  // Safe mode text message.
  const openId = 'oNode' + crypto.randomBytes(8).toString('hex');
  ts = now(); n = nonce();
  const encrypt = wecom.encrypt(cfg.oaAesKey, textXml(cfg.oaOriginalId, openId, cfg.text), cfg.appId);
  const msgSignature = wecom.getSignature(cfg.oaToken, ts, n, encrypt);
  res = await fetch(`${base}?signature=${plainSignature(cfg.oaToken, ts, n)}&timestamp=${ts}&nonce=${n}&openid=${openId}` +
    `&encrypt_type=aes&msg_signature=${msgSignature}`, {
    method: 'POST', headers: { 'content-type': 'text/xml' },
    body: `<xml><ToUserName><![CDATA[${cfg.oaOriginalId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
  });
  const body = await res.text();
  check('OA safe mode: HTTP 200', res.status === 200, res.status);
  openEncryptedReply('OA safe mode', body, cfg.oaToken, cfg.oaAesKey, cfg.appId, openId, cfg.expect);

  // A tampered msg_signature is refused.
  res = await fetch(`${base}?timestamp=${ts}&nonce=${n}&encrypt_type=aes&msg_signature=${'0'.repeat(40)}`, {
    method: 'POST', headers: { 'content-type': 'text/xml' },
    body: `<xml><ToUserName><![CDATA[${cfg.oaOriginalId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
  });
  check('OA safe mode: forged msg_signature refused with 401', res.status === 401, res.status);

  // Plain mode.
  ts = now(); n = nonce();
  res = await fetch(`${base}?signature=${plainSignature(cfg.oaToken, ts, n)}&timestamp=${ts}&nonce=${n}&openid=${openId}`, {
    method: 'POST', headers: { 'content-type': 'text/xml' }, body: textXml(cfg.oaOriginalId, openId, cfg.text),
  });
  const plain = await res.text();
  report.replies['OA plain mode'] = field(plain, 'Content');
  check('OA plain mode: passive text reply', res.status === 200 && field(plain, 'ToUserName') === openId
    && (field(plain, 'Content') || '').includes(cfg.expect), plain.slice(0, 300));
}

async function weCom() {
  const base = `${cfg.baseUrl}/wecom/${cfg.county}`;
  // URL verification with an encrypted echostr.
  const secret = String(crypto.randomInt(1, 2147483647));
  let ts = now(), n = nonce();
  const echo = wecom.encrypt(cfg.weComAesKey, secret, cfg.corpId);
  let res = await fetch(`${base}?msg_signature=${wecom.getSignature(cfg.weComToken, ts, n, echo)}&timestamp=${ts}&nonce=${n}` +
    `&echostr=${encodeURIComponent(echo)}`);
  check('WeCom: URL verification returns the decrypted echostr', res.status === 200 && (await res.text()) === secret, res.status);

  const userId = 'Cadre' + crypto.randomBytes(4).toString('hex');
  ts = now(); n = nonce();
  const encrypt = wecom.encrypt(cfg.weComAesKey, textXml(cfg.corpId, userId, cfg.text), cfg.corpId);
  res = await fetch(`${base}?msg_signature=${wecom.getSignature(cfg.weComToken, ts, n, encrypt)}&timestamp=${ts}&nonce=${n}`, {
    method: 'POST', headers: { 'content-type': 'text/xml' },
    body: `<xml><ToUserName><![CDATA[${cfg.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt>` +
      `<AgentID><![CDATA[${cfg.agentId}]]></AgentID></xml>`,
  });
  const body = await res.text();
  check('WeCom: HTTP 200', res.status === 200, res.status);
  openEncryptedReply('WeCom', body, cfg.weComToken, cfg.weComAesKey, cfg.corpId, userId, cfg.expect);
}

(async () => {
  try {
    await officialAccount();
    await weCom();
  } catch (e) {
    check('no exception', false, String(e && e.stack || e));
  }
  console.log(JSON.stringify(report, null, 1));
  process.exit(failed ? 1 : 0);
})();
