namespace SecretSync.Emulator;

/// <summary>
/// --state-dir: keeps ESC environments, GitHub secrets (as sealed boxes, never plaintext), repositories and the key
/// seed in DIR/state.json across restarts. Saves at most once a second after a change, and on stop.
/// </summary>
internal sealed class StatePersistence : IDisposable
{
    private readonly EmulatorState _state;
    private readonly string _file;
    private readonly Timer _timer;

    public StatePersistence(EmulatorState state, string directory)
    {
        _state = state;
        Directory.CreateDirectory(directory);
        _file = Path.Combine(directory, "state.json");
        _timer = new Timer(_ => Save());
        state.Esc.Changed += ScheduleSave;
        state.GitHub.Changed += ScheduleSave;
    }

    public void Load()
    {
        if (!File.Exists(_file))
        {
            return;
        }

        var root = JsonNode.Parse(File.ReadAllText(_file))!.AsObject();
        _state.Esc.Restore(root["esc"]!.AsArray().Select(e => StateJson.ReadEnvironment(e!.AsObject())));
        StateJson.ReadGitHub(_state.GitHub, root["github"]!.AsObject());
    }

    public void Save()
    {
        var root = new JsonObject
        {
            ["esc"] = new JsonArray(_state.Esc.Snapshot().Select(e => (JsonNode?)StateJson.WriteEnvironment(e)).ToArray()),
            ["github"] = StateJson.WriteGitHub(_state.GitHub),
        };
        var temporary = _file + ".tmp";
        File.WriteAllText(temporary, root.ToJsonString());
        File.Move(temporary, _file, overwrite: true);
    }

    public void Dispose() => _timer.Dispose();

    private void ScheduleSave() => _timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
}
