using SecretSync.Emulator.Esc.Eval;

namespace SecretSync.Emulator.Esc;

/// <summary>
/// An opened environment: evaluated once at open time, readable by id until it expires. Like the service, it does
/// not say which revision it came from (reads of it carry no revision headers).
/// </summary>
internal sealed record OpenSession(string Id, EscValue Properties, DateTimeOffset Expires);
