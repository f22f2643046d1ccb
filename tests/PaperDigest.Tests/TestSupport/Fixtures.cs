namespace PaperDigest.Tests.TestSupport;

/// <summary>Finds the shared, recorded fixtures in ../shared/fixtures (beside the repository). They are read in place, never copied.</summary>
public static class Fixtures
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        var env = Environment.GetEnvironmentVariable("PAPERDIGEST_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "fixtures"))) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "fixtures"))) return candidate;
        }
        return null;
    });

    public static bool Available => Root.Value is not null;

    /// <summary>The shared folder (holds fixtures/, seeds/, corpus/).</summary>
    public static string SharedDir => Root.Value ?? throw new InvalidOperationException("../shared is not beside this checkout; set PAPERDIGEST_SHARED.");

    public static string Path_(string relative) => Path.Combine(SharedDir, "fixtures", relative);

    public static string Read(string relative) => File.ReadAllText(Path_(relative));

    public static byte[] ReadBytes(string relative) => File.ReadAllBytes(Path_(relative));
}

/// <summary>A fact that needs ../shared; skipped (and says so) in a clone without it.</summary>
public sealed class FixtureFactAttribute : FactAttribute
{
    public FixtureFactAttribute()
    {
        if (!Fixtures.Available) Skip = "../shared/fixtures is not beside this checkout";
    }
}

/// <summary>A theory that needs ../shared; skipped (and says so) in a clone without it.</summary>
public sealed class FixtureTheoryAttribute : TheoryAttribute
{
    public FixtureTheoryAttribute()
    {
        if (!Fixtures.Available) Skip = "../shared/fixtures is not beside this checkout";
    }
}
