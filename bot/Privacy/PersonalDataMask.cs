namespace AssistBot.Bot.Privacy;

/// <summary>How personal data is shown to people and written to logs.</summary>
public static class PersonalDataMask
{
    /// <summary>身份证号: first 6 and last 4 kept, e.g. 360722********0012.</summary>
    public static string IdNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value.Trim();
        return v.Length <= 10 ? new string('*', v.Length) : string.Concat(v.AsSpan(0, 6), new string('*', v.Length - 10), v.AsSpan(v.Length - 4));
    }

    /// <summary>Phone: mobile 139****4321 (first 3, last 4); a short or landline number keeps its last 4 only.</summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value.Trim();
        if (v.Length == 11 && v[0] == '1') return string.Concat(v.AsSpan(0, 3), "****", v.AsSpan(7));
        return v.Length <= 4 ? new string('*', v.Length) : string.Concat(new string('*', v.Length - 4), v.AsSpan(v.Length - 4));
    }
}
