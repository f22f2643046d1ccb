using PaperDigest.Llm;

namespace PaperDigest.Tests.Llm;

public sealed class JsonReplyTests
{
    [Theory]
    [InlineData("{\"a\": \"x\"}")]
    [InlineData("  \n\t {\"a\": \"x\"}\n")]
    [InlineData("```json\n{\"a\": \"x\"}\n```")]
    [InlineData("Here you go:\n```json\n{\"a\": \"x\"}\n```\nAnything else {or} so?")]
    [InlineData("```\n{\"a\": \"x\"}\n```")]
    [InlineData("Sure. {\"a\": \"x\"} Done.")]
    public void Parse_ObjectInFenceProseOrWhitespace_Object(string reply)
    {
        // When
        var (obj, problem) = JsonReply.Parse(reply);

        // Then
        Assert.Null(problem);
        Assert.Equal("x", obj!["a"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Sure! Here is a summary of the paper: it is very good.", "not valid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("```json\n[\"a\"]\n```", "not valid JSON")]
    [InlineData("\"just text\"", "not a JSON object")]
    [InlineData("{\"a\": \"x\", \"a\": \"y\"}", "same JSON key twice")]
    public void Parse_NotOneObject_ProblemInWords(string reply, string expected)
    {
        // When
        var (obj, problem) = JsonReply.Parse(reply);

        // Then
        Assert.Null(obj);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Parse_LoneSurrogateEscape_ProblemNotException()
    {
        // Given: a reply whose string holds an escaped lone surrogate, which no .NET string read can decode
        const string reply = "{\"a\": \"bad \\ud800 text\"}";

        // When
        var (obj, problem) = JsonReply.Parse(reply);

        // Then
        Assert.Null(obj);
        Assert.Contains("not valid Unicode", problem);
    }
}
