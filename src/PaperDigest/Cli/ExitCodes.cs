namespace PaperDigest.Cli;

/// <summary>The exit codes of PRODUCT.md.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Partial = 3;
    public const int Cancelled = 130;
}
