using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaperDigest.Llm;

/// <summary>
/// Vectors from the OpenAI-compatible <c>POST {base}/embeddings</c> of llm.embeddings_model, sent through
/// <see cref="LlmClient.PostAsync"/> (the "llm" remote: retries, Retry-After, timeouts, the key redacted). Inputs go in
/// batches within OpenAI's limits (2048 inputs a request, about 8k tokens an input, 300k tokens a request), long texts
/// cut; the answer's vectors come back in input order, as floats or base64 float32, whichever the server sends.
/// </summary>
internal sealed class EmbeddingsClient(LlmClient llm, string model)
{
    /// <summary>OpenAI's limit of inputs in one request.</summary>
    public const int MaxInputsPerRequest = 2048;

    /// <summary>Estimated tokens of one input at most (OpenAI allows 8192): a longer text is cut.</summary>
    public const int MaxInputTokens = 7000;

    /// <summary>Estimated tokens of one request at most (OpenAI allows 300k summed over the inputs).</summary>
    public const int MaxRequestTokens = 240_000;

    public string Model => model;

    /// <summary>One vector per text, in order. Texts must not be blank (the caller has something to say about each).</summary>
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in Batches(texts.Select(Cut).ToList()))
            vectors.AddRange(await SendAsync(batch, cancellationToken));
        return vectors;
    }

    /// <summary>Consecutive runs of inputs within the request limits.</summary>
    internal static IEnumerable<List<string>> Batches(IReadOnlyList<string> inputs)
    {
        var batch = new List<string>();
        var tokens = 0;
        foreach (var input in inputs)
        {
            var cost = Tokens(input);
            if (batch.Count > 0 && (batch.Count == MaxInputsPerRequest || tokens + cost > MaxRequestTokens))
            {
                yield return batch;
                (batch, tokens) = ([], 0);
            }
            batch.Add(input);
            tokens += cost;
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>The text within <see cref="MaxInputTokens"/> (cut between characters, never inside a surrogate pair), and never empty.</summary>
    internal static string Cut(string text)
    {
        var t = text.Trim();
        if (t.Length == 0) return "."; // OpenAI refuses an empty input
        double tokens = 0;
        for (var i = 0; i < t.Length; i++)
        {
            tokens += CharTokens(t[i]);
            if (tokens > MaxInputTokens) return t[..(char.IsLowSurrogate(t[i]) ? i - 1 : i)];
        }
        return t;
    }

    /// <summary>A safe over-estimate without a tokenizer: ASCII about three characters a token, anything else a token each.</summary>
    private static double CharTokens(char c) => c < 0x80 ? 1 / 3.0 : 1;

    private static int Tokens(string text) => (int)Math.Ceiling(text.Sum(CharTokens)) + 1;

    private async Task<IReadOnlyList<float[]>> SendAsync(List<string> inputs, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["model"] = model, ["input"] = new JsonArray([.. inputs.Select(i => (JsonNode)i)]) };
        var (status, text) = await llm.PostAsync("embeddings", body.ToJsonString(), streamed: false, cancellationToken);
        if ((int)status >= 400)
        {
            var words = llm.Redact(LlmClient.ProviderMessage(text) ?? $"HTTP {(int)status}");
            throw new LlmException(LlmFailure.Http, $"the embeddings endpoint answered HTTP {(int)status}{Hint(status, words)}: {words}", httpStatus: (int)status);
        }
        return Parse(text, inputs.Count);
    }

    /// <summary>Which setting to change, in plain words: the key, the model, or the endpoint.</summary>
    private static string Hint(HttpStatusCode status, string words) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => " (check OPENAI_API_KEY)",
        HttpStatusCode.NotFound when words.Contains("model", StringComparison.OrdinalIgnoreCase) => " (check llm.embeddings_model)",
        HttpStatusCode.NotFound => " (no /embeddings at OPENAI_BASE_URL, or llm.embeddings_model is not served there)",
        HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => " (check llm.embeddings_model)",
        _ => "",
    };

    /// <summary>{"data": [{"index", "embedding": [floats] | "base64"}]} into vectors in input order, each checked.</summary>
    private IReadOnlyList<float[]> Parse(string text, int expected)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw Bad($"not JSON ({LlmClient.FirstLine(ex.Message)})");
        }
        if (root?["error"] is { } error)
            throw new LlmException(LlmFailure.Http, $"the embeddings endpoint answered with an error: {llm.Redact(LlmClient.ProviderMessage(root.ToJsonString()) ?? error.ToJsonString())}");
        if (root?["data"] is not JsonArray data) throw Bad("it has no \"data\" list");
        if (data.Count != expected) throw Bad($"{data.Count} vectors for {expected} inputs");
        var vectors = new float[expected][];
        for (var i = 0; i < data.Count; i++)
        {
            var item = data[i];
            var index = item?["index"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : i;
            if (index < 0 || index >= expected || vectors[index] is not null) throw Bad($"index {index} is out of order or repeated");
            vectors[index] = Vector(item?["embedding"]) ?? throw Bad($"the embedding at index {index} is not a list of numbers or base64 float32");
        }
        if (vectors.Select(v => v.Length).Distinct().Count() != 1) throw Bad("its vectors differ in length");
        return vectors;
    }

    private static float[]? Vector(JsonNode? node)
    {
        float[] vector;
        if (node is JsonArray array)
        {
            vector = new float[array.Count];
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonValue x || !x.TryGetValue<double>(out var d)) return null;
                vector[i] = (float)d;
            }
        }
        else if (node is JsonValue s && s.TryGetValue<string>(out var b64))
        {
            var bytes = new byte[b64.Length * 3 / 4 + 3];
            if (!Convert.TryFromBase64String(b64, bytes, out var length) || length % 4 != 0) return null;
            vector = new float[length / 4];
            for (var i = 0; i < vector.Length; i++) vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        }
        else return null;
        return vector.Length > 0 && vector.All(float.IsFinite) ? vector : null;
    }

    private LlmException Bad(string what) =>
        new(LlmFailure.BadAnswer, $"the embeddings endpoint's answer is not an OpenAI embeddings list: {llm.Redact(what)}");
}
