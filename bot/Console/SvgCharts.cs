using System.Globalization;
using System.Net;
using System.Text;

namespace AssistBot.Bot.StaffConsole;

/// <summary>
/// Small horizontal bar charts drawn on the server as SVG. Readable without colour: every series has its own fill
/// pattern (solid, hatched, dotted, open) shown in a legend with its name, every segment and bar carries its number,
/// and the chart has a title and a text description for screen readers.
/// </summary>
public static class SvgCharts
{
    private const int LabelWidth = 150;
    private const int BarArea = 430;
    private const int RowHeight = 30;
    private static readonly string[] Fills = ["url(#p-solid)", "url(#p-hatch)", "url(#p-dots)", "url(#p-open)", "url(#p-cross)"];

    public static string HorizontalBars(string id, string title, IReadOnlyList<string> series, IReadOnlyList<ChartBar> bars)
    {
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Values.Sum()));
        var legendHeight = series.Count > 1 ? 28 : 0;
        var height = legendHeight + Math.Max(1, bars.Count) * RowHeight + 10;
        var width = LabelWidth + BarArea + 50;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {width} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{E(title)}</title><desc id=\"{id}-d\">{E(Describe(series, bars))}</desc>");
        svg.Append("""
            <defs>
              <pattern id="p-solid" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#0b5cad"/></pattern>
              <pattern id="p-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="#8a1010"/></pattern>
              <pattern id="p-dots" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff1c2"/><circle cx="3" cy="3" r="1.6" fill="#6b4500"/></pattern>
              <pattern id="p-open" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/></pattern>
              <pattern id="p-cross" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#e6f0e6"/><path d="M0 3H6M3 0V6" stroke="#1a5e20" stroke-width="1"/></pattern>
            </defs>
            """);
        if (series.Count > 1)
        {
            var x = LabelWidth;
            for (var s = 0; s < series.Count; s++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"6\" width=\"14\" height=\"14\" fill=\"{Fills[s % Fills.Length]}\" stroke=\"#1f2328\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 18}\" y=\"18\" font-size=\"13\">{E(series[s])}</text>");
                x += 26 + series[s].Length * 14;
            }
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var y = legendHeight + i * RowHeight + 4;
            var bar = bars[i];
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" font-size=\"13\" text-anchor=\"end\">{E(Shorten(bar.Label, 11))}</text>");
            double x = LabelWidth;
            for (var s = 0; s < bar.Values.Count; s++)
            {
                var v = bar.Values[s];
                if (v <= 0) continue;
                var w = BarArea * (double)v / max;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"{w:0.#}\" height=\"22\" fill=\"{Fills[s % Fills.Length]}\" stroke=\"#1f2328\"><title>{E(bar.Label)} {E(series[s])}：{v}</title></rect>");
                if (w >= 22 && s == 0)
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w / 2:0.#}\" y=\"{y + 16}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#fff\" font-weight=\"700\">{v}</text>");
                else if (w >= 22)
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + w / 2:0.#}\" y=\"{y + 16}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#000\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\" font-weight=\"700\">{v}</text>");
                x += w;
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6:0.#}\" y=\"{y + 16}\" font-size=\"13\">{bar.Values.Sum()}</text>");
        }
        if (bars.Count == 0) svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth}\" y=\"{legendHeight + 20}\" font-size=\"13\">暂无数据</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Describe(IReadOnlyList<string> series, IReadOnlyList<ChartBar> bars) =>
        bars.Count == 0 ? "暂无数据" : string.Join("；", bars.Select(b =>
            b.Label + "：" + (series.Count == 1 ? b.Values.Sum().ToString(CultureInfo.InvariantCulture)
                : string.Join("，", b.Values.Select((v, i) => $"{series[i]} {v}")))));

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
