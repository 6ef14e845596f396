using System;
using SecretSync.Emulator.Esc.Eval;

namespace SecretSync.Emulator.Esc;

/// <summary>An opened environment: evaluated once at open time, readable by id until it expires.</summary>
internal sealed record OpenSession(string Id, EscValue Properties, DateTimeOffset Expires);
