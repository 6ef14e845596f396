namespace SecretSync.Writing;

/// <summary>A <see cref="WritePlan"/> carrying what its apply step writes: the Core plan, the new text, the requests.</summary>
/// <typeparam name="T">The planned content.</typeparam>
internal sealed class WritePlan<T> : WritePlan
{
    public WritePlan(T content, string target, string action, bool hasChanges)
        : base(target, action, hasChanges) => Content = content;

    public WritePlan(T content, string target, string verb, IEnumerable<string> secrets, string where, bool hasChanges, string? detail = null)
        : base(target, verb, secrets, where, hasChanges, detail) => Content = content;

    /// <summary>What the apply step writes, exactly as planned.</summary>
    public T Content { get; }
}
