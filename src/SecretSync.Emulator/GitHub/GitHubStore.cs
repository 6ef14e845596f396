using System.Security.Cryptography;

namespace SecretSync.Emulator.GitHub;

/// <summary>
/// GitHub state: org secret scopes, repositories (created on first mention), workflows (only those a test
/// declared: GitHub answers 404 for a workflow file the repository does not have), workflow runs. One lock guards
/// it all; callers take <see cref="Sync"/> around multi-step operations.
/// </summary>
internal sealed class GitHubStore
{
    private const long FirstRepositoryId = 700_000_001;
    private const long FirstWorkflowId = 160_000_001;
    private const long FirstRunId = 9_000_000_001;

    private readonly Dictionary<string, SecretScope> _orgs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RepositoryEntry> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<WorkflowRun> _runs = [];
    private readonly double _defaultRunSeconds;
    private readonly bool _defaultEnterpriseServer;
    private byte[] _seed = RandomNumberGenerator.GetBytes(32);
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;

    public GitHubStore(double defaultRunSeconds, bool enterpriseServer, TimeProvider clock)
    {
        Clock = clock;
        _defaultRunSeconds = defaultRunSeconds;
        _defaultEnterpriseServer = enterpriseServer;
        NextRuns = new RunSettings("success", defaultRunSeconds);
        EnterpriseServer = enterpriseServer;
    }

    public Lock Sync { get; } = new();

    /// <summary>Raised after every change, so that state can be persisted.</summary>
    public event Action? Changed;

    public RunSettings NextRuns { get; set; }

    /// <summary>Answer as GitHub Enterprise Server 3.19/3.20 (see <see cref="EmulatorOptions.EnterpriseServer"/>).</summary>
    public bool EnterpriseServer { get; set; }

    public byte[] Seed => _seed;

    public IReadOnlyDictionary<string, SecretScope> Organizations => _orgs;

    public IReadOnlyCollection<RepositoryEntry> Repositories => _repositories.Values;

    public SecretScope Organization(string org)
    {
        lock (Sync)
        {
            if (!_orgs.TryGetValue(org, out var scope))
            {
                scope = new SecretScope(ScopeKey.Derive(_seed, "org:" + org));
                _orgs[org] = scope;
            }

            return scope;
        }
    }

    public RepositoryEntry Repository(string owner, string name, long? id = null)
    {
        lock (Sync)
        {
            var key = $"{owner}/{name}";
            if (!_repositories.TryGetValue(key, out var repository))
            {
                var nextId = id ?? (_repositories.Count == 0 ? FirstRepositoryId : Math.Max(FirstRepositoryId, _repositories.Values.Max(r => r.Id) + 1));
                repository = new RepositoryEntry
                {
                    Id = nextId,
                    Owner = owner,
                    Name = name,
                    Secrets = new SecretScope(ScopeKey.Derive(_seed, "repo:" + key)),
                };
                _repositories[key] = repository;
            }

            return repository;
        }
    }

    public RepositoryEntry? RepositoryById(long id)
    {
        lock (Sync)
        {
            return _repositories.Values.FirstOrDefault(r => r.Id == id);
        }
    }

    /// <summary>The id of <paramref name="workflow"/> (file name or numeric id), or null when the repository has no such workflow.</summary>
    public long? FindWorkflow(RepositoryEntry repository, string workflow)
    {
        lock (Sync)
        {
            if (long.TryParse(workflow, out var numeric) && repository.Workflows.ContainsValue(numeric))
            {
                return numeric;
            }

            return repository.Workflows.TryGetValue(workflow, out var id) ? id : null;
        }
    }

    /// <summary>Declares a workflow file of <paramref name="repository"/> (tests do, as a push of the file would).</summary>
    public long AddWorkflow(RepositoryEntry repository, string file)
    {
        lock (Sync)
        {
            if (!repository.Workflows.TryGetValue(file, out var id))
            {
                id = FirstWorkflowId + _repositories.Values.Sum(r => r.Workflows.Count);
                repository.Workflows[file] = id;
            }

            return id;
        }
    }

    public WorkflowRun Dispatch(RepositoryEntry repository, long workflowId, string branch)
    {
        WorkflowRun run;
        lock (Sync)
        {
            var file = repository.Workflows.First(w => w.Value == workflowId).Key;
            run = new WorkflowRun
            {
                Id = FirstRunId + _runs.Count,
                RunNumber = _runs.Count(r => r.WorkflowId == workflowId) + 1,
                Repository = repository,
                WorkflowId = workflowId,
                WorkflowFile = file,
                HeadBranch = branch,
                Created = Clock.GetUtcNow(),
                Settings = NextRuns,
                OrganizationSecretsSeen = SharedOrganizationSecrets(repository).Select(s => s.Name).Take(WorkflowRun.MaxOrganizationSecrets).ToList(),
            };
            _runs.Add(run);
        }

        Changed?.Invoke();
        return run;
    }

    /// <summary>
    /// The org secrets <paramref name="repository"/> can read, in the order GitHub lists them (by name): visibility
    /// all, private (the emulator's repositories are private), or selected with the repository among the selection.
    /// </summary>
    public List<SecretEntry> SharedOrganizationSecrets(RepositoryEntry repository)
    {
        lock (Sync)
        {
            return Organization(repository.Owner).Secrets.Values
                .Where(s => s.Visibility is "all" or "private" || (s.Visibility == "selected" && s.SelectedRepositoryIds.Contains(repository.Id)))
                .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
    }

    public List<WorkflowRun> Runs(RepositoryEntry repository, long? workflowId)
    {
        lock (Sync)
        {
            return _runs.Where(r => r.Repository == repository && (workflowId is null || r.WorkflowId == workflowId))
                .OrderByDescending(r => r.Id).ToList();
        }
    }

    /// <summary>Now at GitHub's one-second resolution, never earlier than a stamp already handed out.</summary>
    public DateTimeOffset Stamp()
    {
        lock (Sync)
        {
            var now = Clock.GetUtcNow();
            now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            _lastStamp = now > _lastStamp ? now : _lastStamp;
            return _lastStamp;
        }
    }

    /// <summary>The emulator's time (runs progress and secrets are stamped by it).</summary>
    public TimeProvider Clock { get; }

    /// <summary>After the clock was moved (back, too): the next stamp is the new time's.</summary>
    public void ForgetLastStamp()
    {
        lock (Sync)
        {
            _lastStamp = DateTimeOffset.MinValue;
        }
    }

    public void NotifyChanged() => Changed?.Invoke();

    public void Reset(byte[]? seed = null)
    {
        lock (Sync)
        {
            _orgs.Clear();
            _repositories.Clear();
            _runs.Clear();
            _seed = seed ?? RandomNumberGenerator.GetBytes(32);
            NextRuns = new RunSettings("success", _defaultRunSeconds);
            EnterpriseServer = _defaultEnterpriseServer;
        }
    }
}
