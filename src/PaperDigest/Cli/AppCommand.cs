namespace PaperDigest.Cli;

/// <summary>The commands, as the composition root knows them: each is given only the services it uses.</summary>
internal enum AppCommand
{
    Daily,
    Paper,
    Track,
    Import,
    Search,
    Serve,
    Site,
    Notify,
    Doctor,
}
