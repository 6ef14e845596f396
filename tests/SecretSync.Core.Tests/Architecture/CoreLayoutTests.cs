namespace SecretSync.Core.Tests.Architecture;

/// <summary>
/// Guards the layout docs/ARCHITECTURE.md draws, by reading Core's sources: the compiler accepts a namespace that
/// strays from its folder and a cycle between folders, so nothing else would notice them coming back.
/// </summary>
public sealed class CoreLayoutTests
{
    private static readonly string s_coreFolder = FindCoreFolder();

    [Theory]
    [InlineData("Records/Catalog", "Records/Configuration")]
    [InlineData("Records", "Checks")]
    [InlineData("Records", "Stores")]
    [InlineData("Records", "Sources")]
    [InlineData("Records", "Planning")]
    [InlineData("Plumbing", "Records")]
    [InlineData("Plumbing", "Sources")]
    [InlineData("Plumbing", "Planning")]
    [InlineData("Plumbing", "Checks")]
    [InlineData("Stores", "Planning")]
    [InlineData("Stores", "Checks")]
    public void Folder_ShouldNameNoTypeOfTheFolderAboveIt(string lower, string upper)
    {
        // secretsync.json holds catalog entries, so Configuration builds on Catalog and never the other way round;
        // records are what every layer above speaks, and stores are where plans write (docs/ARCHITECTURE.md).
        var upperTypes = DeclaredTypes(upper);
        var upperNamespace = "SecretSync.Core." + upper.Replace('/', '.');

        var uses = (from file in SourceFiles(lower)
                    let text = File.ReadAllText(file)
                    from name in upperTypes.Append(upperNamespace)
                    where Regex.IsMatch(text, $@"(?<![\w.]){Regex.Escape(name)}\b")
                    select $"{Path.GetRelativePath(s_coreFolder, file)} names {name}").ToList();

        Assert.True(uses.Count == 0, $"{lower} must not depend on {upper}:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void Namespace_ShouldFollowFolder()
    {
        var strays = new List<string>();
        foreach (var file in SourceFiles(string.Empty))
        {
            var folder = Path.GetRelativePath(s_coreFolder, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '.');
            var expected = folder == "." ? "SecretSync.Core" : "SecretSync.Core." + folder;
            var declared = Regex.Match(File.ReadAllText(file), @"^namespace ([\w.]+);", RegexOptions.Multiline).Groups[1].Value;
            if (declared != expected && !folder.EndsWith("Polyfills", StringComparison.Ordinal))
            {
                strays.Add($"{Path.GetRelativePath(s_coreFolder, file)}: namespace {declared}, folder says {expected}");
            }
        }

        Assert.True(strays.Count == 0, string.Join("\n", strays));
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(s_coreFolder, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(s_coreFolder, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"));

    private static List<string> DeclaredTypes(string folder) =>
        SourceFiles(folder)
            .SelectMany(f => s_declaration.Matches(WithoutComments(File.ReadAllText(f))).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

    // A declaration starts its line (modifiers first); "a record that" in a string or a comment declares nothing.
    private static readonly Regex s_declaration = new(
        @"^\s*(?:(?:public|internal|private|protected|sealed|static|abstract|partial|readonly|file)\s+)*(?:class|struct|enum|interface|record(?:\s+struct|\s+class)?)\s+(\w+)",
        RegexOptions.Multiline);

    // Prose in doc comments ("a record is absent") declares nothing.
    private static string WithoutComments(string source) => Regex.Replace(source, @"//[^\n]*", string.Empty);

    private static string FindCoreFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var core = Path.Combine(dir.FullName, "src", "SecretSync.Core");
            if (File.Exists(Path.Combine(core, "SecretSync.Core.csproj")))
            {
                return core;
            }
        }

        throw new InvalidOperationException("src/SecretSync.Core not found above " + AppContext.BaseDirectory);
    }
}
