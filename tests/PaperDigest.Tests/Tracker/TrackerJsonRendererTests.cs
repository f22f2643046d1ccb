using System.Text.Json;
using PaperDigest.Tracker;

namespace PaperDigest.Tests.Tracker;

public sealed class TrackerJsonRendererTests
{
    [Fact]
    public void Render_SmallModel_MatchesGoldenFile()
    {
        // Given the golden tracker model
        var page = TrackerGoldenModel.Page();

        // When papers.json is rendered
        var json = TrackerJsonRenderer.Render(page);

        // Then it is the checked-in file: indented, CJK readable, rows as on the page
        Assert.Equal(TrackerGoldenModel.Golden("papers.json"), json);
    }

    [Fact]
    public void Render_SmallModel_IsValidJsonWithNullCodeUrls()
    {
        // Given the golden tracker model
        var json = TrackerJsonRenderer.Render(TrackerGoldenModel.Page());

        // When it is read back
        using var doc = JsonDocument.Parse(json);
        var rows = doc.RootElement.GetProperty("topics").GetProperty("多模态");

        // Then the row without code has a JSON null
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("code_url").ValueKind);
        Assert.Equal("2509.22653", rows[0].GetProperty("id").GetString());
    }
}
