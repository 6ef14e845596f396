namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks this marker type, which the compiler needs for init-only setters and records.
internal static class IsExternalInit
{
}
