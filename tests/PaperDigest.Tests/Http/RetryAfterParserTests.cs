using System.Net.Http.Headers;
using PaperDigest.Http;

namespace PaperDigest.Tests.Http;

public sealed class RetryAfterParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 24, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_Seconds_ThatMany()
    {
        // Given / When
        var delay = RetryAfterParser.Parse(RetryConditionHeaderValue.Parse("120"), Now);

        // Then
        Assert.Equal(TimeSpan.FromSeconds(120), delay);
    }

    [Fact]
    public void Parse_HttpDate_TimeUntilThen()
    {
        // Given an HTTP-date 90 s from now
        var header = RetryConditionHeaderValue.Parse(Now.AddSeconds(90).ToString("R"));

        // When
        var delay = RetryAfterParser.Parse(header, Now);

        // Then
        Assert.Equal(TimeSpan.FromSeconds(90), delay);
    }

    [Fact]
    public void Parse_DateInThePast_Zero()
    {
        // Given / When
        var delay = RetryAfterParser.Parse(RetryConditionHeaderValue.Parse(Now.AddMinutes(-5).ToString("R")), Now);

        // Then
        Assert.Equal(TimeSpan.Zero, delay);
    }

    [Fact]
    public void Parse_NoHeader_Null()
    {
        // Given / When / Then
        Assert.Null(RetryAfterParser.Parse(null, Now));
    }
}
