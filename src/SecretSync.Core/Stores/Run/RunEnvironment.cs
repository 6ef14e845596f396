using Newtonsoft.Json.Linq;
using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Stores.Run;

/// <summary>
/// What a command runs with: the variables of an opened ESC environment (every scalar of
/// <c>values.environmentVariables</c>, secret or not, and every scalar of <c>values.files</c>) or of .env files.
/// </summary>
public sealed class RunEnvironment
{
    private RunEnvironment(IReadOnlyList<RunVariable> variables) => Variables = variables;

    /// <summary>The variables in name order, files after plain variables (as <c>esc run</c> orders them).</summary>
    public IReadOnlyList<RunVariable> Variables { get; }

    /// <summary>The values to keep out of output and logs: secret values and secret file contents.</summary>
    public IEnumerable<string> SecretValues => Variables.Where(v => v.IsSecret).Select(v => v.Value);

    /// <summary>
    /// Opens <paramref name="environment"/> once and reads its variables. The cmdlets call this rather than
    /// <see cref="EscClient.OpenAsync"/>: a signature that names a Newtonsoft.Json type would bind to PowerShell's
    /// own copy on the cmdlets' side and to the module's private copy on Core's (a MissingMethodException).
    /// </summary>
    public static async Task<RunEnvironment> OpenAsync(EscClient client, EnvironmentRef environment, CancellationToken cancellationToken) =>
        FromOpened((await client.OpenAsync(environment, cancellationToken).ConfigureAwait(false)).Environment);

    /// <summary>Reads the Environment JSON of an opened environment (<c>{"properties": {...}}</c>).</summary>
    internal static RunEnvironment FromOpened(JObject opened)
    {
        var properties = opened["properties"] as JObject;
        var variables = Scalars(properties?["environmentVariables"], isFile: false)
            .Concat(Scalars(properties?["files"], isFile: true))
            .ToList();
        return new RunEnvironment(variables);
    }

    /// <summary>Every record with a value, as a secret variable (a .env file does not say what is secret, so all are).</summary>
    public static RunEnvironment FromRecords(IEnumerable<SecretRecord> records)
    {
        var byName = new Dictionary<string, RunVariable>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.RevealValue() is { } value)
            {
                // Later files override earlier ones, as later assignments do within one file.
                byName[record.Name] = new RunVariable(record.Name, value, isSecret: true, isFile: false);
            }
        }

        return new RunEnvironment(byName.Values.OrderBy(v => v.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The variables of several environments: a later environment's variable (or file) wins over an earlier one's
    /// of the same name, as ESC merges imports in order.
    /// </summary>
    public static RunEnvironment Merge(IEnumerable<RunEnvironment> environments)
    {
        var byName = new Dictionary<(string, bool), RunVariable>();
        foreach (var variable in environments.SelectMany(e => e.Variables))
        {
            byName[(variable.Name, variable.IsFile)] = variable;
        }

        return new RunEnvironment(byName.Values.OrderBy(v => v.IsFile).ThenBy(v => v.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>Only the variables whose name <paramref name="keep"/> accepts.</summary>
    public RunEnvironment Where(Func<string, bool> keep) => new(Variables.Where(v => keep(v.Name)).ToList());

    private static IEnumerable<RunVariable> Scalars(JToken? section, bool isFile)
    {
        if (section?["value"] is not JObject members)
        {
            return [];
        }

        var sectionSecret = IsSecret(section);
        var variables = new List<RunVariable>();
        foreach (var member in members.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (member.Value is JObject node && EscValueText.Of(node) is { } text)
            {
                variables.Add(new RunVariable(member.Name, text, sectionSecret || IsSecret(node), isFile));
            }
        }

        return variables;
    }

    private static bool IsSecret(JToken node) => node["secret"]?.Type == JTokenType.Boolean && (bool)node["secret"]!;
}
