using System.Diagnostics.CodeAnalysis;

namespace PaperDigest.Reading;

/// <summary>What a reader produced, or why the source is not available. Bad input is a reason here, never an exception.</summary>
internal sealed record ReadResult<T>(T? Value, string? Reason)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsAvailable => Value is not null;

    public static ReadResult<T> Ok(T value) => new(value, null);

    public static ReadResult<T> NotAvailable(string reason) => new(null, reason);
}
