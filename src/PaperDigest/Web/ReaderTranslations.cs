using Dapper;
using PaperDigest.Store;

namespace PaperDigest.Web;

/// <summary>A stored translation of a paper's abstract (the tracker's), as the reader shows it.</summary>
internal sealed record StoredTranslation(string Lang, string Text);

/// <summary>
/// The reader's reads of the tracker's translations (the translations table) and of a digest's paper ids. Apart from
/// ReaderStore so that neither changes the other's queries.
/// </summary>
internal sealed class ReaderTranslations(SqliteStore store)
{
    /// <summary>The newest translation of each paper that has one (any version, any model), by paper id.</summary>
    public async Task<IReadOnlyDictionary<string, StoredTranslation>> ForPapersAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, StoredTranslation>(StringComparer.Ordinal);
        if (list.Count == 0) return result;
        await using var connection = await store.ConnectAsync(cancellationToken);
        foreach (var chunk in list.Chunk(500))
        {
            var rows = await connection.QueryAsync<(string PaperId, string Lang, string Text)>(new CommandDefinition(
                """
                SELECT paper_id, lang, text FROM translations t
                WHERE paper_id IN @ids AND trim(text) <> ''
                  AND created_at = (SELECT max(created_at) FROM translations u WHERE u.paper_id = t.paper_id)
                ORDER BY paper_id, lang
                """, new { ids = chunk }, cancellationToken: cancellationToken));
            foreach (var r in rows) result.TryAdd(r.PaperId, new StoredTranslation(r.Lang, r.Text));
        }
        return result;
    }
}
