namespace PaperDigest.Llm;

/// <summary>Why an ask produced no value. Unreachable, Timeout and Http are the endpoint's; the others are one paper's.</summary>
internal enum LlmFailure
{
    /// <summary>The endpoint could not be connected to (connection refused, DNS): it will not go away by itself.</summary>
    Unreachable,

    /// <summary>No answer within llm.timeout_seconds.</summary>
    Timeout,

    /// <summary>The endpoint answered an HTTP error, or the exchange broke off (a reset mid-body), after the HTTP retries.</summary>
    Http,

    /// <summary>The answer is not an OpenAI chat completion.</summary>
    BadAnswer,

    /// <summary>The model refused (a refusal, or the content filter).</summary>
    Refused,

    /// <summary>Every reply failed the caller's checks.</summary>
    InvalidReply,
}
