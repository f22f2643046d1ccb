using PaperDigest.Llm;

namespace PaperDigest.Tests.Llm;

public sealed class ThinkBlockTests
{
    [Theory]
    [InlineData("<think>\nthe user wants {\"a\": 1}\n</think>\n\n{\"summary\": \"x\"}", "{\"summary\": \"x\"}")]
    [InlineData("<THINK>{braces}</THINK>{\"a\":1}", "{\"a\":1}")]
    [InlineData("reasoning without an opening tag {x}</think>{\"a\":1}", "{\"a\":1}")]
    [InlineData("<think>a</think><think>b</think> {\"a\":1}", "{\"a\":1}")]
    [InlineData("{\"a\":1}\n<think>cut while thinking {", "{\"a\":1}")]
    [InlineData("{\"a\": \"no reasoning\"}", "{\"a\": \"no reasoning\"}")]
    public void Strip_Reply_ReasoningRemoved(string reply, string expected)
    {
        Assert.Equal(expected, ThinkBlock.Strip(reply));
    }

    [Fact]
    public void Strip_ThenParse_ObjectAfterTheBlock()
    {
        // Given: braces inside the block would have been taken as the JSON's start
        var reply = "<think>Maybe {\"summary\": \"draft\"} fits? {not json}</think>\n{\"summary\": \"final\"}";

        // When
        var (obj, problem) = JsonReply.Parse(ThinkBlock.Strip(reply));

        // Then
        Assert.Null(problem);
        Assert.Equal("final", obj!["summary"]!.ToString());
    }
}
