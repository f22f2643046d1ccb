using System.Globalization;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PaperDigest.Bench;

/// <summary>The shared corpus N times over as plain JSONL, for benchmarks at a multiple of its size.</summary>
internal static class CorpusCopyWriter
{
    /// <summary>
    /// Writes the corpus N times (at most 16) as plain JSONL with every id new and valid (the corpus's ids are yymm.nnnnn,
    /// starting with 1 or 2): copy k replaces the first digit with 2 + k mod 8 (k mod 8 ≥ 1) and adds 20 × (k div 8) to the month.
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
                var month = int.Parse(id.AsSpan(2, 2), CultureInfo.InvariantCulture) + 20 * (k / 8);
                node["id"] = string.Create(CultureInfo.InvariantCulture, $"{(k % 8 == 0 ? id[0] : (char)('2' + k % 8))}{id[1]}{month:D2}{id[4..]}");
                await writer.WriteLineAsync(node.ToJsonString());
            }
        return path;
    }
}
