using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PaperDigest.Tests.TestSupport;

/// <summary>
/// The /embeddings endpoint of <see cref="FakeLlmServer"/>, as OpenAI's behaves: a vector per input, deterministic
/// (a hashed bag of words, L2-normalised, so texts that share words are near), floats unless encoding_format is base64;
/// 400 with OpenAI's error body for an empty input or more than 2048 inputs, 404 model_not_found for an unknown model.
/// </summary>
public sealed class FakeEmbeddings
{
    public const int Dimensions = 512;
    public const int MaxInputs = 2048;

    private int _requests;
    private int _inputs;
    private int _rejected;

    /// <summary>The models served; any other is 404 model_not_found.</summary>
    public HashSet<string> Models { get; } = new(StringComparer.Ordinal) { "text-embedding-3-small", "fake-embed" };

    /// <summary>Requests to /embeddings, refused ones included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Texts embedded (in answered requests).</summary>
    public int Inputs => Volatile.Read(ref _inputs);

    /// <summary>Requests answered 4xx.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>The number of inputs of each answered request, in order.</summary>
    public IReadOnlyList<int> BatchSizes { get { lock (_batches) return [.. _batches]; } }

    private readonly List<int> _batches = [];

    /// <summary>Answer this many of the next requests 429 with Retry-After: 1 (then normally).</summary>
    public int RateLimitNext { get => Volatile.Read(ref _rateLimitNext); set => Volatile.Write(ref _rateLimitNext, value); }

    private int _rateLimitNext;

    /// <summary>Answer base64 float32 even when the request does not ask for it (as some compatible servers do).</summary>
    public bool AlwaysBase64 { get; set; }

    internal async Task HandleAsync(HttpContext ctx)
    {
        Interlocked.Increment(ref _requests);
        if (TakeRateLimit())
        {
            ctx.Response.StatusCode = 429;
            ctx.Response.Headers.RetryAfter = "1";
            await ctx.Response.WriteAsJsonAsync(new { error = new { message = "Rate limit reached for text-embedding-3-small", type = "requests" } });
            return;
        }
        ctx.Request.Body.Position = 0;
        var request = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject ?? [];
        var model = request["model"]?.ToString() ?? "";
        if (!Models.Contains(model))
        {
            await RefuseAsync(ctx, 404, $"The model `{model}` does not exist or you do not have access to it.", "model_not_found", null);
            return;
        }
        var inputs = request["input"] switch
        {
            JsonArray a => a.Select(x => x?.ToString()).ToList(),
            JsonValue v => [v.ToString()],
            _ => [],
        };
        if (inputs.Count > MaxInputs)
        {
            await RefuseAsync(ctx, 400, $"'$.input' is too long. Maximum length is {MaxInputs}, but got {inputs.Count} items.", null, "input");
            return;
        }
        if (inputs.Count == 0 || inputs.Any(string.IsNullOrEmpty))
        {
            await RefuseAsync(ctx, 400, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", null, "input");
            return;
        }
        Interlocked.Add(ref _inputs, inputs.Count);
        lock (_batches) _batches.Add(inputs.Count);
        var base64 = AlwaysBase64 || request["encoding_format"]?.ToString() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Vector(inputs[i]!);
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = base64 ? Base64(vector) : new JsonArray([.. vector.Select(x => (JsonNode)x)]),
            });
        }
        var tokens = inputs.Sum(t => t!.Split(' ').Length);
        // OpenAI lists the data in input order; this fake lists it backwards, so a client that ignores "index" fails.
        var reversed = new JsonArray([.. data.Reverse().Select(d => d!.DeepClone())]);
        await ctx.Response.WriteAsJsonAsync(new JsonObject
        {
            ["object"] = "list",
            ["data"] = reversed,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        });
    }

    private bool TakeRateLimit()
    {
        int left;
        do
        {
            left = Volatile.Read(ref _rateLimitNext);
            if (left <= 0) return false;
        } while (Interlocked.CompareExchange(ref _rateLimitNext, left - 1, left) != left);
        return true;
    }

    /// <summary>A hashed bag of lower-cased words (4+ letters), signed, L2-normalised.</summary>
    public static float[] Vector(string text)
    {
        var v = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var w = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (w.Length < 4) continue;
            var h = Fnv(w);
            v[h % Dimensions] += (h & 0x80000000) == 0 ? 1 : -1;
        }
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        if (norm == 0) v[0] = 1;
        else for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    private static uint Fnv(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return h;
    }

    private static string Base64(float[] v)
    {
        var bytes = new byte[v.Length * 4];
        for (var i = 0; i < v.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), v[i]);
        return Convert.ToBase64String(bytes);
    }

    private async Task RefuseAsync(HttpContext ctx, int status, string message, string? code, string? param)
    {
        Interlocked.Increment(ref _rejected);
        ctx.Response.StatusCode = status;
        await ctx.Response.WriteAsJsonAsync(new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = param, ["code"] = code },
        });
    }
}
