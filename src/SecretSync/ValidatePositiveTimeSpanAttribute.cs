namespace SecretSync;

/// <summary>Refuses a zero or negative TimeSpan: a -MaxAge of 0 or less would put the cut-off in the future and call every secret due.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidatePositiveTimeSpanAttribute : ValidateArgumentsAttribute
{
    /// <inheritdoc/>
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        if (value is TimeSpan span && span <= TimeSpan.Zero)
        {
            throw new ValidationMetadataException($"{span} is not a positive age: give a number of days (90) or a TimeSpan greater than zero.");
        }
    }
}
