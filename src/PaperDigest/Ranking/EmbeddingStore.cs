using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Dapper;
using PaperDigest.Store;

namespace PaperDigest.Ranking;

/// <summary>The embeddings cache (table embeddings): one float32 vector per (paper version or library text, model).</summary>
internal sealed class EmbeddingStore(SqliteStore store, TimeProvider time)
{
    /// <summary>The stored vectors of these keys under this model; a key whose text changed since is left out (it is embedded again).</summary>
    public async Task<IReadOnlyDictionary<EmbeddingKey, float[]>> FindAsync(string model, IReadOnlyCollection<EmbeddingKey> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<EmbeddingKey, float[]>();
        if (keys.Count == 0) return found;
        await using var connection = await store.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Item, string Version, string TextHash, byte[] Vector)>(new CommandDefinition(
            "SELECT item, version, text_hash, vector FROM embeddings WHERE model = @model AND item IN (SELECT value FROM json_each(@items))",
            new { model, items = JsonSerializer.Serialize(keys.Select(k => k.Item).Distinct()) }, cancellationToken: cancellationToken));
        var stored = rows.ToDictionary(r => (r.Item, r.Version));
        foreach (var key in keys)
            if (stored.TryGetValue((key.Item, key.Version), out var row) && row.TextHash == key.TextHash)
                found[key] = Decode(row.Vector);
        return found;
    }

    /// <summary>Stores (or replaces) the vectors of these keys under this model, in one transaction.</summary>
    public async Task SaveAsync(string model, IReadOnlyList<(EmbeddingKey Key, float[] Vector)> vectors, CancellationToken cancellationToken)
    {
        if (vectors.Count == 0) return;
        await using var connection = await store.ConnectAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT OR REPLACE INTO embeddings (item, version, model, text_hash, vector, created_at)
            VALUES (@Item, @Version, @model, @TextHash, @Vector, @now)
            """,
            vectors.Select(v => new { v.Key.Item, v.Key.Version, model, v.Key.TextHash, Vector = Encode(v.Vector), now }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    internal static byte[] Encode(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        return bytes;
    }

    internal static float[] Decode(byte[] bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++) vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return vector;
    }
}
