using System.Runtime.InteropServices;
using SecretSync.Core.Stores.Export;
using SecretSync.Core.Tests.Files;

namespace SecretSync.Core.Tests.Export;

public sealed class DotEnvExportTests
{
    private static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);

    [Fact]
    public void Plan_WithExistingFile_ShouldKeepCommentsAndOtherKeysAndBothReadersAgree()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env", "# local settings\r\nOTHER_SETTING=keep me # note\r\nLINEAR_API_KEY=old\r\n");
        var pem = "-----BEGIN KEY-----\nabc+/=\n-----END KEY-----";

        var plan = DotEnvExport.Plan(path, [Pair("LINEAR_API_KEY", "lin_new 'quoted'"), Pair("PEM_PRIVATE_KEY", pem)]);
        DotEnvExport.Write(path, plan);

        var text = File.ReadAllText(path);
        Assert.StartsWith("# local settings\r\nOTHER_SETTING=keep me # note\r\nLINEAR_API_KEY=", text);
        var dotNetEnv = PortableDotEnvValueTests.ReadBoth(text, out var python);
        foreach (var reader in new[] { dotNetEnv, python })
        {
            Assert.Equal("keep me", reader["OTHER_SETTING"]);
            Assert.Equal("lin_new 'quoted'", reader["LINEAR_API_KEY"]);
            Assert.Equal(pem, reader["PEM_PRIVATE_KEY"]);
        }

        Assert.Equal(["LINEAR_API_KEY", "PEM_PRIVATE_KEY"], plan.Written);
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Plan_WithRefusedAndBadNames_ShouldReportEachAndWriteTheRest()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, ".env");

        var plan = DotEnvExport.Plan(path, [Pair("GOOD_TOKEN", "fine-value"), Pair("BAD_TOKEN", "uses ${HOME}"), Pair("1BAD", "x"), Pair("GOOD_TOKEN", "fine-value-2")]);

        Assert.Equal(["GOOD_TOKEN", "GOOD_TOKEN"], plan.Written);
        Assert.Collection(
            plan.Refused,
            e => Assert.Equal("BAD_TOKEN", Assert.IsType<ValueNotPortableException>(e).Name),
            e => Assert.Equal("1BAD", Assert.IsType<ExportNameException>(e).Name));
        Assert.Equal("GOOD_TOKEN=fine-value-2\n", plan.Text);
        Assert.DoesNotContain("uses ${HOME}", plan.Refused[0].Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WithNameRefusedForItsLastValue_ShouldNotWriteAnEarlierValue()
    {
        var plan = DotEnvExport.Plan(Path.Combine(Path.GetTempPath(), "none-" + System.Guid.NewGuid() + ".env"), [Pair("A_TOKEN", "first-value"), Pair("A_TOKEN", "${X}")]);

        Assert.Empty(plan.Written);
        Assert.Single(plan.Refused);
    }

    [Fact]
    public void Plan_WithSameValuesAgain_ShouldReportNoChanges()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, ".env");
        DotEnvExport.Write(path, DotEnvExport.Plan(path, [Pair("A_TOKEN", "value one")]));

        var again = DotEnvExport.Plan(path, [Pair("A_TOKEN", "value one")]);

        Assert.False(again.Changes);
    }

    [Fact]
    public void Plan_WithUnparseableExistingFile_ShouldThrowAndNotTouchIt()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env", "GOOD=1\nthis is not valid\n");

        Assert.Throws<SecretSync.Core.DotEnv.DotEnvParseException>(() => DotEnvExport.Plan(path, [Pair("A_TOKEN", "v")]));
        Assert.Equal("GOOD=1\nthis is not valid\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Plan_WithKeyDotNetEnvWouldNotReadBack_ShouldRefuseItAndLeaveTheFile()
    {
        using var folder = new TempFolder();
        // python-dotenv reads \' as an escaped quote inside A, so X_TOKEN is its own key; DotNetEnv closes A at that
        // quote and B's quote swallows the X_TOKEN line: an app using DotNetEnv would never see the new value.
        const string Existing = "A='a\\'\nB='\nX_TOKEN=old\n#'\nGOOD_TOKEN=old\n";
        var path = folder.Write(".env", Existing);

        var plan = DotEnvExport.Plan(path, [Pair("X_TOKEN", "new-value"), Pair("GOOD_TOKEN", "new-good")]);

        var refused = Assert.IsType<DotEnvDialectMismatchException>(Assert.Single(plan.Refused));
        Assert.Equal(("X_TOKEN", "DotNetEnv"), (refused.Name, refused.Dialect.ToString()));
        Assert.DoesNotContain("new-value", refused.Message, System.StringComparison.Ordinal);
        Assert.Equal(["GOOD_TOKEN"], plan.Written);
        Assert.Contains("X_TOKEN=old", plan.Text, System.StringComparison.Ordinal);
        Assert.Contains("GOOD_TOKEN=new-good", plan.Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WithExistingFileDotNetEnvRejects_ShouldWriteAndSayWhereDotNetEnvFails()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env", "A_TOKEN=1\nDEBUG\n");

        var plan = DotEnvExport.Plan(path, [Pair("B_TOKEN", "two")]);

        Assert.Equal(["B_TOKEN"], plan.Written);
        Assert.Empty(plan.Refused);
        Assert.Equal(2, plan.DotNetEnvError!.Line);
    }

    [Fact]
    public void Plan_WithFileBothDialectsRead_ShouldHaveNoDotNetEnvError()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env", "A_TOKEN=1\n");

        var plan = DotEnvExport.Plan(path, [Pair("B_TOKEN", "it's \"both\"\nlines")]);

        Assert.Null(plan.DotNetEnvError);
        Assert.Equal(["B_TOKEN"], plan.Written);
    }
}
