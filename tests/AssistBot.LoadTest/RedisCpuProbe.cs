using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace AssistBot.LoadTest;

/// <summary>
/// Reads redis-server's own CPU time (<c>INFO cpu</c>) so the harness can report what each message costs Redis too:
/// on one machine, Redis, the server and the load tool share the same cores.
/// </summary>
public static class RedisCpuProbe
{
    public static async Task<TimeSpan?> CpuTimeAsync(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return null;
        try
        {
            var colon = address.LastIndexOf(':');
            var (host, port) = colon < 0 ? (address, 6379) : (address[..colon], int.Parse(address[(colon + 1)..], CultureInfo.InvariantCulture));
            using var client = new TcpClient();
            await client.ConnectAsync(host, port).WaitAsync(TimeSpan.FromSeconds(2));
            var stream = client.GetStream();
            await stream.WriteAsync("INFO cpu\r\n"u8.ToArray());
            var buffer = new byte[4096];
            var text = new StringBuilder();
            while (!text.ToString().Contains("used_cpu_user:", StringComparison.Ordinal) || !text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
                if (read == 0) break;
                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (text.ToString().Contains("used_cpu_user_children", StringComparison.Ordinal)) break;
            }
            double Field(string name)
            {
                var s = text.ToString();
                var at = s.IndexOf(name + ":", StringComparison.Ordinal);
                if (at < 0) return 0;
                var end = s.IndexOf('\r', at);
                return double.Parse(s[(at + name.Length + 1)..end], CultureInfo.InvariantCulture);
            }
            return TimeSpan.FromSeconds(Field("used_cpu_sys") + Field("used_cpu_user"));
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or FormatException)
        {
            return null;
        }
    }
}
