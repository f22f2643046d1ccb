using System.CommandLine;
using System.Globalization;

namespace PaperDigest.Cli;

/// <summary>An `--flag N` option whose parse error speaks plainly ("--limit must be a whole number (got 'abc')"), not in CLR type names.</summary>
internal static class WholeNumberOption
{
    public static Option<int?> Create(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
            result.AddError($"{name} must be a whole number (got '{text}').");
            return null;
        },
    };
}
