using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using SecretSync.Core.Stores.Export;
using SecretSync.Core.Tests.Files;
using Xunit;

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
}
