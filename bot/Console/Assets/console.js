// 防返贫工作台: small helpers only; every page works without script.
document.addEventListener('DOMContentLoaded', () => {
  // Ask once before an action that tells the farmer (纳入 / 不纳入 / 转交).
  for (const id of ['act-include', 'act-reject', 'act-transfer']) {
    const button = document.getElementById(id);
    if (button) button.addEventListener('click', e => { if (!confirm('确定要' + button.textContent.trim() + '吗？农户会收到通知。')) e.preventDefault(); });
  }
});
