using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;

namespace SecretSync.Core.Stores.Run;

/// <summary>
/// Starts a command with an environment and waits for it: arguments as an argv list (never through a shell), stdout
/// and stderr filtered through a <see cref="SecretRedactor"/> on threads of their own unless interactive.
/// Cancellation kills the child (and its children) and waits for it, so nothing outlives the call.
/// </summary>
public static class CommandRunner
{
    // netstandard2.0 lacks ProcessStartInfo.ArgumentList and Process.Kill(bool); every runtime pwsh 7.4+ runs on has them.
    private static readonly PropertyInfo? s_argumentList = typeof(ProcessStartInfo).GetProperty("ArgumentList");
    private static readonly MethodInfo? s_killTree = typeof(Process).GetMethod("Kill", [typeof(bool)]);

    /// <summary>Runs the command to its end and returns its exit code.</summary>
    /// <exception cref="CommandStartException">The command could not be started.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the child has been killed.</exception>
    public static async Task<int> RunAsync(CommandRunOptions options, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(options) };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
        {
            throw new CommandStartException(options.FilePath, e);
        }

        Task[] pumps = options.Interactive
            ? []
            : [Pump(process.StandardOutput.BaseStream, options.Output!, options.Redactor!), Pump(process.StandardError.BaseStream, options.Error!, options.Redactor!)];
        var exited = Task.Run(process.WaitForExit, CancellationToken.None);
        using (cancellationToken.Register(() => Kill(process)))
        {
            await exited.ConfigureAwait(false);

            // A grandchild may keep the pipes open after the child is killed; don't wait for it then.
            var copied = Task.WhenAll(pumps);
            if (cancellationToken.IsCancellationRequested)
            {
                await Task.WhenAny(copied, Task.Delay(2000, CancellationToken.None)).ConfigureAwait(false);
            }
            else
            {
                await copied.ConfigureAwait(false);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return process.ExitCode;
    }

    private static ProcessStartInfo StartInfo(CommandRunOptions options)
    {
        var start = new ProcessStartInfo(options.FilePath)
        {
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory,
            RedirectStandardOutput = !options.Interactive,
            RedirectStandardError = !options.Interactive,
        };
        var arguments = s_argumentList?.GetValue(start) as Collection<string>
            ?? throw new PlatformNotSupportedException("This .NET runtime cannot pass an argument list; run PowerShell 7.4 or later.");
        foreach (var argument in options.Arguments)
        {
            arguments.Add(argument);
        }

        if (!options.Inherit)
        {
            start.Environment.Clear();
        }

        foreach (var pair in options.Variables)
        {
            start.Environment[pair.Key] = pair.Value;
        }

        return start;
    }

    private static Task Pump(Stream input, Stream output, SecretRedactor redactor) =>
        Task.Factory.StartNew(() => RedactingCopier.Copy(input, output, redactor), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Kill(Process process)
    {
        try
        {
            if (s_killTree is not null)
            {
                s_killTree.Invoke(process, [true]);
            }
            else
            {
                process.Kill();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or TargetInvocationException)
        {
            // It has exited already.
        }
    }
}
