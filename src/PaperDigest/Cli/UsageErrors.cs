using System.CommandLine;

namespace PaperDigest.Cli;

/// <summary>Says what was wrong with a command line, with a "did you mean" for a mistyped command or flag.</summary>
internal static class UsageErrors
{
    public static async Task WriteAsync(ParseResult parsed, TextWriter error)
    {
        var command = parsed.CommandResult.Command;
        var unmatched = parsed.UnmatchedTokens;
        if (command is RootCommand && unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
        {
            // An unknown command: one line about it, not System.CommandLine's "Required command was not provided" and one per word after it.
            var names = command.Subcommands.Select(c => c.Name).ToList();
            await error.WriteLineAsync($"error: unknown command '{unmatched[0]}'.{Hint(unmatched[0], names)} Commands: {string.Join(", ", names)}.");
        }
        else
        {
            foreach (var e in parsed.Errors) await error.WriteLineAsync($"error: {e.Message}");
            var flags = FlagNames(command).ToList();
            foreach (var token in unmatched.Where(t => t.StartsWith('-')).Take(1))
                if (Hint(token, flags) is { Length: > 0 } hint) await error.WriteLineAsync(hint.TrimStart());
        }
        await error.WriteLineAsync("Run 'paperdigest --help' (or 'paperdigest <command> --help') for usage.");
    }

    /// <summary>" Did you mean 'daily'?" when one known name is a few edits away, else empty.</summary>
    internal static string Hint(string given, IReadOnlyList<string> known)
    {
        var best = known.Select(k => (Name: k, Distance: Distance(given.ToLowerInvariant(), k.ToLowerInvariant()))).OrderBy(c => c.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= (best.Name.TrimStart('-').Length <= 4 ? 1 : 2) ? $" Did you mean '{best.Name}'?" : "";
    }

    private static IEnumerable<string> FlagNames(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            foreach (var option in c.Options.Where(o => c == command || o.Recursive))
                foreach (var name in option.Aliases.Prepend(option.Name)) yield return name;
    }

    /// <summary>Edit distance (insert, delete, replace, swap two neighbours: "dialy" is one edit from "daily").</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i, j - 1] + 1, d[i - 1, j] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
