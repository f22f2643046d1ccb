using PaperDigest.Papers;
using PaperDigest.Sources;

namespace PaperDigest.Tests.Sources;

public sealed class ArxivQueryTests
{
    [Theory]
    [InlineData("ti", "transformer", "ti:transformer")]
    [InlineData("abs", "large language model", "abs:\"large language model\"")]
    [InlineData("abs", "vision-language", "abs:\"vision-language\"")]
    [InlineData("all", "  diffusion \n model ", "all:\"diffusion model\"")]
    [InlineData("ti", "say \"hi\"", "ti:\"say hi\"")]
    public void Term_Phrase_QuotesMultiWordPhrases(string field, string phrase, string expected)
    {
        // Given a field and a phrase
        // When a term is built
        var term = ArxivQuery.Term(field, phrase);

        // Then multi-word phrases are quoted and single words are not
        Assert.Equal(expected, term);
    }

    [Fact]
    public void SearchParameters_Query_EncodesLikeArxivDocuments()
    {
        // Given a query with quotes, parentheses and spaces
        var query = "(ti:\"a b\" OR abs:\"a b\") AND (cat:cs.CL OR cat:cs.LG) ANDNOT abs:survey";

        // When it becomes the URL query string of the third page of 50
        var parameters = ArxivQuery.SearchParameters(query, 100, 50);

        // Then spaces are '+', quotes and parentheses are escaped, and the sort is newest first
        Assert.Equal(
            "search_query=%28ti:%22a+b%22+OR+abs:%22a+b%22%29+AND+%28cat:cs.CL+OR+cat:cs.LG%29+ANDNOT+abs:survey"
            + "&start=100&max_results=50&sortBy=submittedDate&sortOrder=descending",
            parameters);
    }

    [Fact]
    public void IdListParameters_Ids_JoinsVersionedIdsWithCommas()
    {
        // Given new and old style ids, one with a version
        ArxivId[] ids = [ArxivId.Parse("2509.22653v2"), ArxivId.Parse("astro-ph/0601001")];

        // When the id_list query string is built
        var parameters = ArxivQuery.IdListParameters(ids, 2);

        // Then ids keep their version and the slash stays readable
        Assert.Equal("id_list=2509.22653v2,astro-ph/0601001&max_results=2", parameters);
    }

    [Fact]
    public void Encode_PlusAndAmpersand_AreEscaped()
    {
        // Given text with characters that would break the query string
        // When it is encoded
        var encoded = ArxivQuery.Encode("C++ & R&D #1");

        // Then none of them survive raw
        Assert.Equal("C%2B%2B+%26+R%26D+%231", encoded);
    }

    [Fact]
    public void AnyOf_OneClause_IsNotParenthesised()
    {
        // Given one and several clauses
        // When they are joined
        // Then a single clause stands alone and several are grouped
        Assert.Equal("cat:cs.CL", ArxivQuery.AnyOf(["cat:cs.CL"]));
        Assert.Equal("(cat:cs.CL OR cat:cs.LG)", ArxivQuery.AnyOf(["cat:cs.CL", "cat:cs.LG", "cat:cs.CL"]));
    }
}
