namespace PaperDigest.Llm;

/// <summary>A caller's verdict on a reply's JSON object: the value it reads from it, or the problems in words the model is shown.</summary>
internal sealed record ReplyCheck<T>(T? Value, IReadOnlyList<string> Problems) where T : class
{
    public static ReplyCheck<T> Valid(T value) => new(value, []);

    public static ReplyCheck<T> Invalid(IReadOnlyList<string> problems) => new(null, problems);

    public static ReplyCheck<T> Invalid(string problem) => new(null, [problem]);
}
