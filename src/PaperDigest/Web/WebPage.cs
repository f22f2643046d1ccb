namespace PaperDigest.Web;

/// <summary>A rendered reader page or feed and the status it answers with.</summary>
internal sealed record WebPage(int Status, string Body, string ContentType = "text/html; charset=utf-8");
