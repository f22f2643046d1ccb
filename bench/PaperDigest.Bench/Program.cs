using System.Reflection;
using PaperDigest.Bench;

// Usage: dotnet run -c Release --project bench/PaperDigest.Bench -- <name> [args]   (no name: list them)
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("PaperDigest benchmarks. Run one with: dotnet run -c Release --project bench/PaperDigest.Bench -- <name>");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-12} {b.Description}");
    return 0;
}

var chosen = benchmarks.FirstOrDefault(b => string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase));
if (chosen is null)
{
    Console.Error.WriteLine($"No benchmark named '{args[0]}'. Known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}
return await chosen.RunAsync(args[1..], CancellationToken.None);
