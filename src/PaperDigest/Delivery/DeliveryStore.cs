using Dapper;
using PaperDigest.Store;

namespace PaperDigest.Delivery;

/// <summary>Which (day, source, style, language, channel) has been sent: the table of the delivery migration.</summary>
internal sealed class DeliveryStore(SqliteStore store, TimeProvider time)
{
    public async Task<bool> WasSentAsync(DeliveryDigest d, string channel, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM deliveries WHERE day = @day AND source = @source AND style = @style AND lang = @lang AND channel = @channel",
            Key(d, channel), cancellationToken: cancellationToken)) > 0;
    }

    public async Task RecordAsync(DeliveryDigest d, string channel, int messages, CancellationToken cancellationToken)
    {
        await using var connection = await store.ConnectAsync(cancellationToken);
        var p = new DynamicParameters(Key(d, channel));
        p.Add("messages", messages);
        p.Add("sent_at", time.GetUtcNow().ToString("O"));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO deliveries (day, source, style, lang, channel, messages, sent_at) VALUES (@day, @source, @style, @lang, @channel, @messages, @sent_at)
            ON CONFLICT (day, source, style, lang, channel) DO UPDATE SET messages = excluded.messages, sent_at = excluded.sent_at
            """, p, cancellationToken: cancellationToken));
    }

    private static object Key(DeliveryDigest d, string channel) =>
        new { day = d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), source = d.Source, style = d.Style, lang = d.Lang, channel };
}
