using System;
using SecretSync.Emulator.Esc.Eval;

namespace SecretSync.Emulator.Esc;

/// <summary>
/// An opened environment: evaluated once at open time, readable by id until it expires. <see cref="Revision"/> is
/// the revision opened (null for anonymous yaml/open), sent back as Pulumi-ESC-Revision like every other GET.
/// </summary>
internal sealed record OpenSession(string Id, EscValue Properties, DateTimeOffset Expires, EscRevision? Revision);
