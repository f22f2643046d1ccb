using PaperDigest.Delivery;
using PaperDigest.Listings;
using PaperDigest.Llm;
using PaperDigest.Ranking;
using PaperDigest.Publishing;
using PaperDigest.Reading;
using PaperDigest.Sources;
using PaperDigest.Store;
using PaperDigest.Tracker;
using PaperDigest.Web;

namespace PaperDigest.Configuration;

/// <summary>Every setting of PaperDigest, one options class per feature. Defaults are the initializers.</summary>
internal sealed class AppOptions
{
    public LlmOptions Llm { get; set; } = new();
    public DigestOptions Digest { get; set; } = new();
    public HuggingFaceOptions HuggingFace { get; set; } = new();
    public StoreOptions Store { get; set; } = new();
    public TrackerOptions Tracker { get; set; } = new();
    public ArxivOptions Arxiv { get; set; } = new();
    public ReadingOptions Reading { get; set; } = new();
    public WebOptions Web { get; set; } = new();
    public GitHubOptions GitHub { get; set; } = new();
    public NotifyOptions Notify { get; set; } = new();
    public List<SourceOptions> Sources { get; set; } = [];
    public ProfileOptions Profile { get; set; } = new();

    /// <summary>PRODUCT.md: an LLM is configured when OPENAI_API_KEY or a base URL (OPENAI_BASE_URL, llm.base_url) is set.</summary>
    public bool IsLlmConfigured(Secrets secrets) => secrets.OpenAiApiKey is not null || !string.IsNullOrEmpty(Llm.BaseUrl);

    /// <summary>GitHub is asked for stars only with GITHUB_TOKEN set (anonymously it allows 60 requests an hour) and github.fetch_stars on.</summary>
    public bool FetchesStars(Secrets secrets) => GitHub.FetchStars && secrets.GithubToken is not null;

    public IReadOnlyList<string> Validate() =>
        [.. Llm.Validate(), .. Digest.Validate(), .. HuggingFace.Validate(), .. Store.Validate(), .. Tracker.Validate(), .. Arxiv.Validate(), .. Reading.Validate(), .. Web.Validate(), .. GitHub.Validate(), .. Notify.Validate(), .. Sources.SelectMany(s => s.Validate()), .. Profile.Validate(),
            .. Sources.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => $"sources: the name '{g.Key}' is given twice")];
}

/// <summary>Secrets come from the environment only, and never appear in output.</summary>
internal sealed record Secrets(string? OpenAiApiKey, string? GithubToken, string? SmtpPassword = null, string? TelegramBotToken = null)
{
    public static Secrets FromEnvironment(IReadOnlyDictionary<string, string> env) =>
        new(env.GetValueOrDefault("OPENAI_API_KEY") is { Length: > 0 } k ? k : null,
            env.GetValueOrDefault("GITHUB_TOKEN") is { Length: > 0 } g ? g : null,
            env.GetValueOrDefault("PAPERDIGEST_SMTP_PASSWORD") is { Length: > 0 } p ? p : null,
            env.GetValueOrDefault("TELEGRAM_BOT_TOKEN") is { Length: > 0 } t ? t : null);

    /// <summary>Never the values: a record would print them.</summary>
    public override string ToString() => $"Secrets {{ OpenAiApiKey = {(OpenAiApiKey is null ? "unset" : "***")}, GithubToken = {(GithubToken is null ? "unset" : "***")}, SmtpPassword = {(SmtpPassword is null ? "unset" : "***")}, TelegramBotToken = {(TelegramBotToken is null ? "unset" : "***")} }}";

    /// <summary>Replaces every secret value in text that may be shown or stored.</summary>
    public string Redact(string text)
    {
        foreach (var s in new[] { OpenAiApiKey, GithubToken, SmtpPassword, TelegramBotToken })
            if (!string.IsNullOrEmpty(s)) text = text.Replace(s, "***", StringComparison.Ordinal);
        return text;
    }
}

/// <summary>Bad configuration: the message names the file and line, the environment variable, or the flag.</summary>
internal sealed class ConfigurationException(string message) : Exception(message);
