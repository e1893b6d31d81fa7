using System.Text.Json;
using Microsoft.Playwright;

namespace AssistBot.Web.Tests;

/// <summary>One rendered text of a page as the browser computed it, with its contrast against what is behind it.</summary>
public sealed record AuditedText(string Where, string Text, double FontSize, double LineHeight, string Color,
    string Background, double Contrast);

/// <summary>One rendered button and its box (CSS px).</summary>
public sealed record AuditedButton(string Where, string Label, double Left, double Top, double Width, double Height);

/// <summary>
/// Reads every rendered text (text nodes, input values and placeholders) and every button of a page from the
/// browser's computed styles: font size, line height, colour, the background behind it (ancestors' colours
/// composited over white, opacity included) and the WCAG 2 contrast ratio between them.
/// </summary>
internal static class PageAudit
{
    public static async Task<(IReadOnlyList<AuditedText> Texts, IReadOnlyList<AuditedButton> Buttons)> RunAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>(Script);
        using var doc = JsonDocument.Parse(json);
        var texts = doc.RootElement.GetProperty("texts").EnumerateArray().Select(t => new AuditedText(
            t.GetProperty("where").GetString()!, t.GetProperty("text").GetString()!, t.GetProperty("fontSize").GetDouble(),
            t.GetProperty("lineHeight").GetDouble(), t.GetProperty("color").GetString()!,
            t.GetProperty("background").GetString()!, t.GetProperty("contrast").GetDouble())).ToList();
        var buttons = doc.RootElement.GetProperty("buttons").EnumerateArray().Select(b => new AuditedButton(
            b.GetProperty("where").GetString()!, b.GetProperty("label").GetString()!, b.GetProperty("left").GetDouble(),
            b.GetProperty("top").GetDouble(), b.GetProperty("width").GetDouble(), b.GetProperty("height").GetDouble())).ToList();
        return (texts, buttons);
    }

    private const string Script = """
        () => {
          const parse = c => {
            const m = /rgba?\(([^)]+)\)/.exec(c || '');
            if (!m) return [0, 0, 0, 0];
            const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
            return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
          };
          const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
          const backgroundOf = el => {
            const layers = [];
            for (let e = el; e; e = e.parentElement) {
              const c = parse(getComputedStyle(e).backgroundColor);
              if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
            }
            let bg = [255, 255, 255, 1];
            for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
            return bg;
          };
          const opacityOf = el => { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
          const lum = c => {
            const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
          };
          const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
          const rgb = c => 'rgb(' + c.slice(0, 3).map(v => Math.round(v)).join(',') + ')';
          const rendered = el => el.checkVisibility ? el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
                                                    : el.getClientRects().length > 0;
          const where = el => {
            const parts = [];
            for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement)
              parts.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : ''));
            return parts.join(' > ');
          };
          const texts = [];
          const measure = (el, text, style) => {
            const bg = backgroundOf(el);
            const fg = parse(style.color);
            fg[3] *= opacityOf(el);
            const color = over(fg, bg);
            const size = parseFloat(style.fontSize);
            const lh = style.lineHeight === 'normal' ? 1.2 : parseFloat(style.lineHeight) / size;
            texts.push({ where: where(el), text: text.trim().slice(0, 24), fontSize: size, lineHeight: lh,
                         color: rgb(color), background: rgb(bg), contrast: Math.round(ratio(color, bg) * 100) / 100 });
          };
          const seen = new Set();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || !n.textContent.trim() || seen.has(el) || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(el.tagName)) continue;
            if (!rendered(el)) continue;
            seen.add(el);
            measure(el, n.textContent, getComputedStyle(el));
          }
          for (const input of document.querySelectorAll('input, textarea')) {
            if (!rendered(input)) continue;
            if (input.value) measure(input, input.value, getComputedStyle(input));
            else if (input.placeholder) measure(input, input.placeholder, getComputedStyle(input, '::placeholder'));
          }
          const buttons = [...document.querySelectorAll('button')].filter(rendered).map(b => {
            const r = b.getBoundingClientRect();
            return { where: where(b), label: b.innerText.trim(), left: r.left, top: r.top, width: r.width, height: r.height };
          });
          return JSON.stringify({ texts, buttons });
        }
        """;
}
