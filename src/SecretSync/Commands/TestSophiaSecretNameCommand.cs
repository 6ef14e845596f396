using SecretSync.Core.Records.Naming;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Tests secret names against the SERVICE_CREDENTIAL_TYPE convention and GitHub's rules.</para>
/// <para type="description">Test-SophiaSecretName returns $true for each name that follows the convention (upper case, digits and underscores, at least two segments, ending in a known credential type such as API_KEY, CLIENT_SECRET or TOKEN) and $false otherwise. With -Detailed it returns a SecretSync.NameCheck instead: the service and credential type, the ESC path, whether GitHub accepts the name as a secret name, and for a bad name what is wrong and a suggested valid name. Catalog entries that declare their service are honoured.</para>
/// </summary>
/// <example>
/// <code>Test-SophiaSecretName LINEAR_API_KEY, linear-key</code>
/// <para>Returns True, then False.</para>
/// </example>
/// <example>
/// <code>Get-Content names.txt | Test-SophiaSecretName -Detailed | Where-Object { -not $_.IsValid } | Select-Object Name, Reason</code>
/// <para>Lists the names of a file that break the convention, with the reason and a suggestion.</para>
/// </example>
[Cmdlet(VerbsDiagnostic.Test, "SophiaSecretName")]
[OutputType(typeof(bool))]
[OutputType(typeof(NameCheck))]
public sealed class TestSophiaSecretNameCommand : SophiaCmdlet
{
    /// <summary>
    /// <para type="description">The names to test.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string[] Name { get; set; } = [];

    /// <summary>
    /// <para type="description">Return a SecretSync.NameCheck object per name instead of $true or $false.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var name in Name)
        {
            var check = NameAdvice.Check(name, Context.Catalog);
            if (Detailed)
            {
                WriteTyped(check, "SecretSync.NameCheck");
            }
            else
            {
                WriteObject(check.IsValid);
            }
        }
    }
}
