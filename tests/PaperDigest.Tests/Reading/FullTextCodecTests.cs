using PaperDigest.Reading;

namespace PaperDigest.Tests.Reading;

public sealed class FullTextCodecTests
{
    [Theory]
    [InlineData("")]
    [InlineData("## 3.2 Training\n\n| Model | Acc |\n| Ours | 94.4 |")]
    [InlineData("准确率达到94.4%，提升了26.6个百分点 ⚠ $\\alpha$")]
    public void Compress_ThenDecompress_GivesTextBack(string text)
    {
        // Given a text
        // When it is compressed and decompressed
        var back = FullTextCodec.Decompress(FullTextCodec.Compress(text));

        // Then it is unchanged
        Assert.Equal(text, back);
    }

    [Fact]
    public void Compress_LongText_IsSmaller()
    {
        // Given a long, repetitive text
        var text = string.Concat(Enumerable.Repeat("| Model | 94.4 | 57.76 |\n", 2000));

        // When it is compressed
        var data = FullTextCodec.Compress(text);

        // Then it takes far less room
        Assert.True(data.Length * 10 < text.Length);
    }
}
