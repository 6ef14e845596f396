using SecretSync.Core.Stores.Templates;
using SecretSync.Core.Tests.Files;

namespace SecretSync.Core.Tests.Templates;

public sealed class EnvTemplateWriterTests
{
    private static readonly string s_content = EnvTemplateGenerator.Generate(EnvTemplateGeneratorTests.Catalog(), []);

    [Fact]
    public void Plan_WithNoFile_ShouldReturnContent()
    {
        using var folder = new TempFolder();

        Assert.Equal(s_content, EnvTemplateWriter.Plan(Path.Combine(folder.Path, ".env.template"), s_content, force: false)?.Text);
    }

    [Fact]
    public void Plan_WithSameContent_ShouldReturnNull()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env.template", s_content);

        Assert.Null(EnvTemplateWriter.Plan(path, s_content, force: false));
    }

    [Fact]
    public void Plan_WithCrlfFile_ShouldKeepCrlfAndSeeNoChange()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env.template", EnvTemplateGenerator.Marker + "\r\nOLD=\r\n");

        var plan = EnvTemplateWriter.Plan(path, s_content, force: false)!;
        EnvTemplateWriter.Write(path, plan);

        Assert.Equal(s_content.Replace("\n", "\r\n"), File.ReadAllText(path));
        Assert.Null(EnvTemplateWriter.Plan(path, s_content, force: false));
    }

    [Fact]
    public void Plan_WithHandWrittenFile_ShouldThrowUnlessForced()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env.template", "# notes by hand\nA=\n");

        var e = Assert.Throws<TemplateExistsException>(() => EnvTemplateWriter.Plan(path, s_content, force: false));

        Assert.Equal(path, e.FilePath);
        Assert.Equal(s_content, EnvTemplateWriter.Plan(path, s_content, force: true)?.Text);
    }

    [Fact]
    public void Write_WhenFileWasEditedAfterPlan_ShouldRefuseAndKeepTheEdit()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env.template", EnvTemplateGenerator.Marker + "\nOLD=\n");
        var plan = EnvTemplateWriter.Plan(path, s_content, force: false)!;
        File.AppendAllText(path, "MINE=\n");

        Assert.Throws<FileChangedException>(() => EnvTemplateWriter.Write(path, plan));

        Assert.Equal(EnvTemplateGenerator.Marker + "\nOLD=\nMINE=\n", File.ReadAllText(path));
    }
}
