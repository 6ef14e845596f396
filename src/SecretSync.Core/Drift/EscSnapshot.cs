using System;
using System.Collections.Generic;
using SecretSync.Core.Secrets;

namespace SecretSync.Core.Drift;

/// <summary>What one ESC open gave: the secrets, the revision opened and when that revision was written.</summary>
internal sealed record EscSnapshot(List<SecretRecord> Records, long? Revision, DateTimeOffset? Created);
