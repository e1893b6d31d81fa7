using System.Text;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// A fast path for the shape every WeChat callback actually has: <c>&lt;xml&gt;</c> with flat child elements holding
/// CDATA or plain text. Anything else — an XML declaration, a DTD, an entity or character reference, attributes,
/// nesting, a self-closing element, a carriage return, a control character, invalid UTF-8 — is not decided here:
/// the caller falls back to the full, locked-down XmlReader, so the security rules live in one place.
/// </summary>
internal static class FlatXml
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True with the elements' (name, value) pairs in document order; false: not flat, use the full reader.</summary>
    public static bool TryRead(ReadOnlySpan<byte> xml, List<(string Name, string Value)> elements)
    {
        if (!xml.StartsWith("<xml>"u8)) return false;
        var at = 5;
        while (true)
        {
            at = SkipWhitespace(xml, at);
            if (at >= xml.Length || xml[at] != (byte)'<') return false;
            if (xml[at..].StartsWith("</xml>"u8)) return SkipWhitespace(xml, at + 6) == xml.Length;

            // <Name>
            var nameStart = at + 1;
            var nameEnd = nameStart;
            while (nameEnd < xml.Length && IsNameByte(xml[nameEnd], nameEnd == nameStart)) nameEnd++;
            if (nameEnd == nameStart || nameEnd >= xml.Length || xml[nameEnd] != (byte)'>') return false;
            var name = xml[nameStart..nameEnd];
            at = nameEnd + 1;

            // CDATA or text, then </Name>
            ReadOnlySpan<byte> value;
            if (xml[at..].StartsWith("<![CDATA["u8))
            {
                var start = at + 9;
                var end = xml[start..].IndexOf("]]>"u8);
                if (end < 0) return false;
                value = xml.Slice(start, end);
                at = start + end + 3;
            }
            else
            {
                var end = xml[at..].IndexOf((byte)'<');
                if (end < 0) return false;
                value = xml.Slice(at, end);
                if (value.IndexOfAny((byte)'&', (byte)'>') >= 0) return false; // references (and "]]>") are the full reader's job
                at += end;
            }
            if (!IsPlainCharacterData(value)) return false;
            if (!xml[at..].StartsWith("</"u8) || !xml[(at + 2)..].StartsWith(name) || at + 2 + name.Length >= xml.Length
                || xml[at + 2 + name.Length] != (byte)'>')
                return false;
            at += 3 + name.Length;

            string text;
            try
            {
                text = StrictUtf8.GetString(value);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
            elements.Add((Encoding.ASCII.GetString(name), text));
        }
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> xml, int at)
    {
        while (at < xml.Length && xml[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') at++;
        return at;
    }

    private static bool IsNameByte(byte b, bool first) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or (byte)'_'
        || (!first && b is >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.');

    /// <summary>
    /// No carriage return (XML normalizes line ends), no control character the XML spec forbids, and not U+FFFE/U+FFFF
    /// (EF BF BE/BF in UTF-8), so the value is exactly what the full reader would return.
    /// </summary>
    private static bool IsPlainCharacterData(ReadOnlySpan<byte> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var b = value[i];
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n') return false;
            if (b == 0xEF && i + 2 < value.Length && value[i + 1] == 0xBF && value[i + 2] >= 0xBE) return false;
        }
        return true;
    }
}
