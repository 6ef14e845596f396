using Newtonsoft.Json.Linq;
using SecretSync.Core.Planning.Sync;
using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Tests.Esc;

public sealed class EscSyncPlannerTests
{
    private const string OwnedDefinition =
        "values:\n" +
        "  linear:\n" +
        "    linear_api_key:\n" +
        "      fn::secret:\n" +
        "        ciphertext: ZXNjeAAAAAGxsrO0gN+X5A==\n" +
        "  old:\n" +
        "    old_key: {fn::secret: {ciphertext: ZXNjeAAAAAGxsrO0gN+X5A==}}\n" +
        "  hand:\n" +
        "    hand_key: plain-by-hand\n" +
        "  environmentVariables:\n" +
        "    LINEAR_API_KEY: ${linear.linear_api_key}\n" +
        "    OLD_KEY: ${old.old_key}\n" +
        "    HAND_KEY: ${hand.hand_key}\n" +
        "  secretSync:\n" +
        "    managedKeys:\n" +
        "      LINEAR_API_KEY: linear.linear_api_key\n" +
        "      OLD_KEY: old.old_key\n";

    private static readonly EscEvaluatedEnvironment s_evaluated = Evaluated(
        ("linear.linear_api_key", "lin-123", true),
        ("old.old_key", "old-1", true),
        ("hand.hand_key", "plain-by-hand", false));

    [Theory]
    [InlineData("LINEAR_API_KEY", "linear.linear_api_key", "lin-123", EscSyncAction.Unchanged, true)]
    [InlineData("LINEAR_API_KEY", "linear.linear_api_key", "lin-456", EscSyncAction.Updated, true)]
    [InlineData("NEW_KEY", "new.new_key", "n", EscSyncAction.Added, false)]
    [InlineData("HAND_KEY", "hand.hand_key", "plain-by-hand", EscSyncAction.Updated, false)]
    [InlineData("HAND_KEY", "hand.hand_key", "other", EscSyncAction.Updated, false)]
    public void Plan_WithOneSecret_ShouldClassifyIt(string name, string path, string value, EscSyncAction expected, bool wasOwned)
    {
        var plan = EscSyncPlanner.Plan(OwnedDefinition, s_evaluated, new[] { new EscDesiredSecret(name, path, value) }, prune: false);

        var outcome = Assert.Single(plan.Secrets);
        Assert.Equal(expected, outcome.Action);
        Assert.Equal(wasOwned, outcome.WasOwned);
        Assert.Equal(expected != EscSyncAction.Unchanged, plan.HasChanges);
    }

    [Fact]
    public void Plan_WithEverythingUnchanged_ShouldNeedNoPatch()
    {
        var plan = EscSyncPlanner.Plan(OwnedDefinition, s_evaluated, new[] { new EscDesiredSecret("LINEAR_API_KEY", "linear.linear_api_key", "lin-123"), new EscDesiredSecret("OLD_KEY", "old.old_key", "old-1") }, prune: true);

        Assert.All(plan.Secrets, s => Assert.Equal(EscSyncAction.Unchanged, s.Action));
        Assert.False(plan.HasChanges);
        Assert.Empty(plan.Edits);
    }

    [Fact]
    public void Plan_WithKeepCurrent_ShouldNeitherWriteNorPruneIt()
    {
        var plan = EscSyncPlanner.Plan(OwnedDefinition, s_evaluated, new[] { new EscDesiredSecret("LINEAR_API_KEY", "linear.linear_api_key", "lin-123"), EscDesiredSecret.KeepCurrent("OLD_KEY", "old.old_key") }, prune: true);

        Assert.DoesNotContain(plan.Secrets, s => s.Name == "OLD_KEY");
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void Plan_WithPrune_ShouldRemoveOnlyOwnedSecretsMissingFromInput()
    {
        var plan = EscSyncPlanner.Plan(OwnedDefinition, s_evaluated, new[] { new EscDesiredSecret("LINEAR_API_KEY", "linear.linear_api_key", "lin-123") }, prune: true);

        var removed = Assert.Single(plan.Secrets, s => s.Action == EscSyncAction.Removed);
        Assert.Equal("OLD_KEY", removed.Name);
        Assert.Null(YamlTestReader.Node(plan.NewDefinition!, "values", "old"));
        Assert.Null(YamlTestReader.Node(plan.NewDefinition!, "values", "environmentVariables", "OLD_KEY"));
        Assert.Equal("plain-by-hand", YamlTestReader.Scalar(plan.NewDefinition!, "values", "hand", "hand_key"));
        Assert.Equal("${hand.hand_key}", YamlTestReader.Scalar(plan.NewDefinition!, "values", "environmentVariables", "HAND_KEY"));
        Assert.Null(YamlTestReader.Node(plan.NewDefinition!, "values", "secretSync", "managedKeys", "OLD_KEY"));
    }

    [Fact]
    public void Plan_WithoutPrune_ShouldKeepOwnedSecretsMissingFromInput()
    {
        var plan = EscSyncPlanner.Plan(OwnedDefinition, s_evaluated, new[] { new EscDesiredSecret("LINEAR_API_KEY", "linear.linear_api_key", "lin-123") }, prune: false);

        Assert.DoesNotContain(plan.Secrets, s => s.Action == EscSyncAction.Removed);
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void Plan_WithUpdate_ShouldKeepOtherCiphertextAndRecordOwnership()
    {
        var plan = EscSyncPlanner.Plan(OwnedDefinition, s_evaluated, new[] { new EscDesiredSecret("HAND_KEY", "hand.hand_key", "now-secret") }, prune: false);

        var text = plan.NewDefinition!;
        Assert.Contains("    old_key: {fn::secret: {ciphertext: ZXNjeAAAAAGxsrO0gN+X5A==}}\n", text, StringComparison.Ordinal);
        Assert.Equal("now-secret", YamlTestReader.Scalar(text, "values", "hand", "hand_key", "fn::secret"));
        Assert.Equal("hand.hand_key", YamlTestReader.Scalar(text, "values", "secretSync", "managedKeys", "HAND_KEY"));
        Assert.Equal(new[] { "HAND_KEY", "LINEAR_API_KEY", "OLD_KEY" }, ((YamlDotNet.RepresentationModel.YamlMappingNode)YamlTestReader.Node(text, "values", "secretSync", "managedKeys")!).Children.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void Plan_WithMissingVariableReference_ShouldUpdate()
    {
        var definition = OwnedDefinition.Replace("    LINEAR_API_KEY: ${linear.linear_api_key}\n", string.Empty, StringComparison.Ordinal);

        var plan = EscSyncPlanner.Plan(definition, s_evaluated, new[] { new EscDesiredSecret("LINEAR_API_KEY", "linear.linear_api_key", "lin-123") }, prune: false);

        Assert.Equal(EscSyncAction.Updated, Assert.Single(plan.Secrets).Action);
        Assert.Equal("${linear.linear_api_key}", YamlTestReader.Scalar(plan.NewDefinition!, "values", "environmentVariables", "LINEAR_API_KEY"));
    }

    [Fact]
    public void Plan_WithValueOnlyFromImport_ShouldAdd()
    {
        var evaluated = Evaluated(("shared.shared_key", "s", true));

        var plan = EscSyncPlanner.Plan("imports:\n  - base\n", evaluated, new[] { new EscDesiredSecret("SHARED_KEY", "shared.shared_key", "s") }, prune: false);

        Assert.Equal(EscSyncAction.Added, Assert.Single(plan.Secrets).Action);
    }

    [Fact]
    public void Plan_WithPathMovedByNamingRules_ShouldRemoveTheOldOwnedKey()
    {
        var plan = EscSyncPlanner.Plan(OwnedDefinition, s_evaluated, new[] { new EscDesiredSecret("OLD_KEY", "renamed.old_key", "old-1") }, prune: false);

        Assert.Equal(EscSyncAction.Updated, Assert.Single(plan.Secrets).Action);
        Assert.Null(YamlTestReader.Node(plan.NewDefinition!, "values", "old"));
        Assert.Equal("${renamed.old_key}", YamlTestReader.Scalar(plan.NewDefinition!, "values", "environmentVariables", "OLD_KEY"));
        Assert.Equal("renamed.old_key", YamlTestReader.Scalar(plan.NewDefinition!, "values", "secretSync", "managedKeys", "OLD_KEY"));
    }

    [Fact]
    public void Plan_AppliedTwice_ShouldBeUnchangedTheSecondTime()
    {
        var desired = new[] { new EscDesiredSecret("A_KEY", "a.a_key", "a"), new EscDesiredSecret("B_KEY", "b.b_key", "b${x}") };
        var first = EscSyncPlanner.Plan(string.Empty, EscEvaluatedEnvironment.Empty, desired, prune: true);

        var second = EscSyncPlanner.Plan(first.NewDefinition!, Evaluated(("a.a_key", "a", true), ("b.b_key", "b${x}", true)), desired, prune: true);

        Assert.All(first.Secrets, s => Assert.Equal(EscSyncAction.Added, s.Action));
        Assert.All(second.Secrets, s => Assert.Equal(EscSyncAction.Unchanged, s.Action));
        Assert.False(second.HasChanges);
    }

    [Fact]
    public void Plan_WithDuplicatePath_ShouldThrowWithoutValues()
    {
        var desired = new[] { new EscDesiredSecret("A", "a.k", "sekrit-1"), new EscDesiredSecret("B", "a.k", "sekrit-2") };

        var ex = Assert.Throws<ArgumentException>(() => EscSyncPlanner.Plan(string.Empty, EscEvaluatedEnvironment.Empty, desired, prune: false));

        Assert.DoesNotContain("sekrit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OfPlanObjects_ShouldNotShowValues()
    {
        var desired = new EscDesiredSecret("A_KEY", "a.a_key", "sekrit-value");
        var plan = EscSyncPlanner.Plan(string.Empty, EscEvaluatedEnvironment.Empty, new[] { desired }, prune: false);

        var texts = new[] { desired.ToString(), plan.Secrets[0].ToString(), plan.Edits[0].ToString() };

        Assert.All(texts, t => Assert.DoesNotContain("sekrit", t, StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_With500SecretsInto500KeyDocument_ShouldProduceAllOfThem()
    {
        var existing = "values:\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"  svc{i}:\n    key{i}: {{fn::secret: {{ciphertext: ZXNjeAAAAAGxsrO0gN+X5A==}}}}\n"));
        var desired = Enumerable.Range(0, 500).Select(i => new EscDesiredSecret($"NEW_{i}", $"svc{i % 250}.new_{i}", "v" + i)).ToList();

        var plan = EscSyncPlanner.Plan(existing, EscEvaluatedEnvironment.Empty, desired, prune: false);

        Assert.Equal(500, plan.Secrets.Count(s => s.Action == EscSyncAction.Added));
        Assert.Equal("v499", YamlTestReader.Scalar(plan.NewDefinition!, "values", "svc249", "new_499", "fn::secret"));
        Assert.StartsWith("values:\n  svc0:\n    key0: {fn::secret: {ciphertext: ZXNjeAAAAAGxsrO0gN+X5A==}}\n    new_0:\n", plan.NewDefinition, StringComparison.Ordinal);
    }

    private static EscEvaluatedEnvironment Evaluated(params (string Path, string Value, bool Secret)[] entries)
    {
        var properties = new JObject();
        foreach (var (path, value, secret) in entries)
        {
            var parts = path.Split('.');
            var service = properties[parts[0]] as JObject ?? new JObject { ["value"] = new JObject() };
            properties[parts[0]] = service;
            var leaf = new JObject { ["value"] = value };
            if (secret)
            {
                leaf["secret"] = true;
            }

            ((JObject)service["value"]!)[parts[1]] = leaf;
        }

        return EscEvaluatedEnvironment.Parse(new JObject { ["properties"] = properties }.ToString());
    }
}
