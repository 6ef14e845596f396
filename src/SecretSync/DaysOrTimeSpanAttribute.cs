namespace SecretSync;

/// <summary>
/// Lets a TimeSpan parameter take a number of days (-MaxAge 90). PowerShell alone would read 90 as 90 ticks; a
/// string that is not a number is left to PowerShell's TimeSpan conversion ("90.00:00:00").
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DaysOrTimeSpanAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc/>
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            int days => TimeSpan.FromDays(days),
            long days => TimeSpan.FromDays(days),
            double days => TimeSpan.FromDays(days),
            decimal days => TimeSpan.FromDays((double)days),
            string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) => TimeSpan.FromDays(days),
            _ => inputData,
        };
    }
}
