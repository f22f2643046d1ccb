using PaperDigest.Sources;

namespace PaperDigest.Tracker;

/// <summary>
/// Turns a topic into an arXiv search_query, e.g.
/// <c>(ti:"vision-language" OR abs:"vision-language" OR abs:multimodal) AND (cat:cs.CV OR cat:cs.CL) ANDNOT ti:survey</c>.
/// Pass the result to <see cref="ArxivApiClient.SearchAsync"/>, which URL-encodes it.
/// </summary>
internal static class TopicQueryBuilder
{
    /// <exception cref="TopicConfigurationException">The topic has no terms and no categories, or another setting is unusable.</exception>
    public static string Build(TopicOptions topic)
    {
        var errors = topic.Validate();
        if (errors.Count > 0) throw new TopicConfigurationException(string.Join(" ", errors));

        var parts = new List<string>();
        if (topic.AllTerms() is { Count: > 0 } terms) parts.Add(AnyOf(terms));
        if (topic.Require.Count > 0) parts.Add(AnyOf(topic.Require));
        if (topic.Categories.Count > 0) parts.Add(ArxivQuery.AnyOf(topic.Categories.Select(c => "cat:" + c.Trim())));
        var query = string.Join(" AND ", parts);
        return topic.Exclude.Count > 0 ? $"{query} ANDNOT {AnyOf(topic.Exclude)}" : query;
    }

    private static string AnyOf(IEnumerable<TopicTerm> terms) => ArxivQuery.AnyOf(terms.SelectMany(Clauses));

    private static IEnumerable<string> Clauses(TopicTerm term) => term.Field switch
    {
        TopicTermField.Title => [ArxivQuery.Term("ti", term.Phrase)],
        TopicTermField.Abstract => [ArxivQuery.Term("abs", term.Phrase)],
        TopicTermField.All => [ArxivQuery.Term("all", term.Phrase)],
        _ => [ArxivQuery.Term("ti", term.Phrase), ArxivQuery.Term("abs", term.Phrase)],
    };
}
