using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PaperDigest.Bench;

/// <summary>The shared corpus N times over as plain JSONL, for benchmarks at a multiple of its size.</summary>
internal static class CorpusCopyWriter
{
    /// <summary>
    /// Writes the corpus N times (at most 16) as plain JSONL; copy k (1-7) replaces the id's first digit with 2+k, copy k
    /// (8-15) its first two digits with 1 and k-8 (years 10-17, which the corpus does not hold), so every id is new.
    /// </summary>
    public static async Task<string> WriteAsync(string corpus, int copies, string path, CancellationToken ct)
    {
        if (copies is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(copies), copies, "1 to 16 copies");
        var lines = new List<string>();
        using (var xz = Process.Start(new ProcessStartInfo("xz", ["-dc", corpus]) { RedirectStandardOutput = true })!)
        {
            while (await xz.StandardOutput.ReadLineAsync(ct) is { } line) lines.Add(line);
            await xz.WaitForExitAsync(ct);
        }
        await using var writer = new StreamWriter(path);
        for (var k = 0; k < copies; k++)
            foreach (var line in lines)
            {
                if (k == 0) { await writer.WriteLineAsync(line); continue; }
                var node = JsonNode.Parse(line)!;
                var id = (string)node["id"]!;
                node["id"] = k < 8 ? (char)('2' + k) + id[1..] : "1" + (char)('0' + k - 8) + id[2..];
                await writer.WriteLineAsync(node.ToJsonString());
            }
        return path;
    }
}
