using Newtonsoft.Json.Linq;
using SecretSync.Core.Stores.Run;

namespace SecretSync.Core.Tests.Run;

public sealed class RunEnvironmentTests
{
    [Fact]
    public void FromOpened_WithScalarsAndFiles_ShouldExportThemAsEscRunDoes()
    {
        var opened = JObject.Parse("""
            {"properties": {
              "environmentVariables": {"value": {
                "B_TOKEN": {"value": "secret-b", "secret": true},
                "A_PLAIN": {"value": "plain"},
                "PORT": {"value": 8080},
                "DEBUG": {"value": false},
                "EMPTY": {"value": null},
                "NESTED": {"value": {"x": {"value": "y"}}},
                "LIST": {"value": [{"value": "z"}]}
              }},
              "files": {"value": {"CERT_FILE": {"value": "cert", "secret": true}}},
              "other": {"value": "not exported"}
            }}
            """);

        var environment = RunEnvironment.FromOpened(opened);

        Assert.Equal(["A_PLAIN", "B_TOKEN", "DEBUG", "EMPTY", "PORT", "CERT_FILE"], environment.Variables.Select(v => v.Name));
        Assert.Equal(["plain", "secret-b", "false", "", "8080", "cert"], environment.Variables.Select(v => v.Value));
        Assert.Equal(["secret-b", "cert"], environment.SecretValues);
        Assert.True(environment.Variables.Single(v => v.Name == "CERT_FILE").IsFile);
        Assert.Equal("CERT_FILE (file)", environment.Variables.Single(v => v.Name == "CERT_FILE").ToString());
    }

    [Fact]
    public void FromOpened_WithoutProperties_ShouldExportNothing()
    {
        Assert.Empty(RunEnvironment.FromOpened(new JObject()).Variables);
    }
}
