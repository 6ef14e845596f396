using System.Diagnostics;
using SecretSync.Emulator.Esc;
using SecretSync.Emulator.Testing;

namespace SecretSync.Emulator.Http;

/// <summary>
/// In front of every API request (not /_emulator): scripted faults, added latency, the token check, rate-limit
/// headers, then the request log entry (method, path without query, status, ms — never a value).
/// </summary>
internal sealed class ApiGate
{
    private readonly EmulatorState _state;
    private int _inFlight;

    public ApiGate(EmulatorState state)
    {
        _state = state;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/_emulator", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var inFlight = Interlocked.Increment(ref _inFlight);
        var method = context.Request.Method;
        var dropped = false;
        try
        {
            var fault = _state.Faults.Take(method, path);
            var delay = _state.Options.LatencyMs + (fault?.DelayMs ?? 0);
            if (delay > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(delay), _state.Clock, context.RequestAborted);
            }

            if (fault is { Drop: true })
            {
                dropped = true;
                context.Abort();
                return;
            }

            if (fault?.Status is { } status)
            {
                await WriteFaultAsync(context, path, status, fault);
                return;
            }

            if (!IsAuthorized(context.Request.Headers.Authorization.ToString(), IsGitHub(path)))
            {
                await WriteUnauthorizedAsync(context, path);
                return;
            }

            // GitHub sends x-ratelimit-* on every REST response; ESC sends none (reference github-api §4).
            if (IsGitHub(path))
            {
                _state.RateLimit.Stamp(context.Response);
            }

            if (ApprovalRefusal(method, path) is { } refusal)
            {
                await WriteJsonAsync(context, refusal.Status, new JsonObject { ["code"] = refusal.Status, ["message"] = refusal.Message });
                return;
            }

            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            _state.Log.Add(new RequestRecord(method, path, dropped ? 0 : context.Response.StatusCode, Math.Round(ms, 3), inFlight));
        }
    }

    /// <summary>
    /// ESC refuses a direct PATCH of an approval-gated environment (409) and an open of one whose opens need approval
    /// (403), before looking at the body or the ETag: no request can succeed without an approval.
    /// </summary>
    private (int Status, string Message)? ApprovalRefusal(string method, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 6 || parts[0] != "api" || parts[1] != "esc" || parts[2] != "environments")
        {
            return null;
        }

        var environment = $"{parts[3]}/{parts[4]}/{parts[5]}";
        var isUpdate = parts.Length == 6 && HttpMethods.IsPatch(method);
        var isOpen = HttpMethods.IsPost(method) && (parts.Length == 7 ? parts[6] == "open" : parts.Length == 9 && parts[6] == "versions" && parts[8] == "open");
        return isUpdate && _state.Approvals.UpdatesNeedApproval(environment) ? (StatusCodes.Status409Conflict, EscApprovalRules.UpdateMessage)
            : isOpen && _state.Approvals.OpensNeedApproval(environment) ? (StatusCodes.Status403Forbidden, EscApprovalRules.OpenMessage)
            : null;
    }

    private static bool IsGitHub(string path) => !path.StartsWith("/api/esc", StringComparison.Ordinal)
        && !path.StartsWith("/api/user", StringComparison.Ordinal);

    /// <summary>ESC takes <c>token T</c>; GitHub also <c>Bearer T</c> (Octokit sends <c>Token T</c>).</summary>
    private bool IsAuthorized(string header, bool gitHub)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }

        var scheme = header[..space];
        var token = header[(space + 1)..].Trim();
        var schemeOk = scheme.Equals("token", StringComparison.OrdinalIgnoreCase)
            || (gitHub && scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase));
        return schemeOk && token.Length > 0 && (_state.Options.Token is null || token == _state.Options.Token);
    }

    private static Task WriteUnauthorizedAsync(HttpContext context, string path)
    {
        var body = IsGitHub(path)
            ? new JsonObject { ["message"] = "Bad credentials", ["documentation_url"] = "https://docs.github.com/rest" }
            : new JsonObject { ["code"] = 401, ["message"] = "Unauthorized: No credentials provided or are invalid." };
        return WriteJsonAsync(context, StatusCodes.Status401Unauthorized, body);
    }

    private Task WriteFaultAsync(HttpContext context, string path, int status, FaultAction fault)
    {
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        var message = fault.Message ?? status switch
        {
            403 => "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            429 => "Too Many Requests",
            >= 500 => "Internal Server Error (injected fault)",
            _ => "Injected fault",
        };
        if (IsGitHub(path) && (fault.ResetSeconds is not null || message.Contains("rate limit exceeded", StringComparison.OrdinalIgnoreCase)))
        {
            // A primary limit: nothing remains until the reset; GitHub often sends no Retry-After with it.
            context.Response.Headers["x-ratelimit-limit"] = "5000";
            context.Response.Headers["x-ratelimit-remaining"] = "0";
            context.Response.Headers["x-ratelimit-used"] = "5000";
            context.Response.Headers["x-ratelimit-reset"] = (_state.Clock.GetUtcNow().ToUnixTimeSeconds() + (fault.ResetSeconds ?? fault.RetryAfter ?? 60)).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["x-ratelimit-resource"] = "core";
        }

        var body = IsGitHub(path)
            ? new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" }
            : new JsonObject { ["code"] = status, ["message"] = message };
        return WriteJsonAsync(context, status, body);
    }

    private static Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonReply.ContentType;
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
