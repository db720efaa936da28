using System.Collections.Concurrent;
using System.Diagnostics;

namespace Experimenten.Testing;

/// <summary>
/// The self-host as its own process on a real loopback port, as a user runs it: what a crash
/// (<c>kill -9</c>) and a restart do can only be seen from outside the process.
/// </summary>
public sealed class SelfHostProcess : IAsyncDisposable
{
    readonly Dictionary<string, string> settings;
    readonly ConcurrentQueue<string> output = new();
    Process? process;

    /// <summary>CPU time the process has used so far (benchmarks: what one request costs it).</summary>
    public TimeSpan CpuTime => process is { HasExited: false } p ? p.TotalProcessorTime : TimeSpan.Zero;

    /// <param name="extra">Settings on top of the test defaults (environment-variable names, e.g. <c>Seeds__Path</c>).</param>
    public SelfHostProcess(Azurite azurite, IReadOnlyDictionary<string, string>? extra = null)
    {
        Port = Azurite.FreePort();
        var prefix = Prefix = "p" + Guid.NewGuid().ToString("N")[..10];
        settings = new()
        {
            ["Urls"] = BaseUrl,
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Storage__Prefix"] = prefix,
            ["Durable__TaskHub"] = prefix + "hub",
            ["Durable__MaxQueuePollingInterval"] = "00:00:00.500",
            ["Seeds__SubmitDemoApplications"] = "false",
            ["Seeds__Import"] = "true",
            ["Links__BaseUrl"] = BaseUrl,
            ["SelfHost__DataPath"] = Path.Combine(Path.GetTempPath(), prefix),
            ["SendGrid__ApiKey"] = "",

            // As ./start.sh runs it: the outbox at /dev/mail is served in Development only.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        foreach (var (key, value) in TestRateLimits.Environment)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
    }

    public int Port { get; }

    /// <summary>Prefix of this host's containers, tables and task hub.</summary>
    public string Prefix { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public HttpClient Client { get; } = new();

    /// <summary>The folder of the build that the next <see cref="StartAsync"/> runs: this checkout's by default, another release's in the upgrade test.</summary>
    public string AppFolder { get; set; } = Repo.Output("Experimenten.SelfHost");

    /// <summary>The running process's id (0 when none runs).</summary>
    public int ProcessId => process is { HasExited: false } p ? p.Id : 0;

    public async Task StartAsync()
    {
        var folder = AppFolder;
        var start = new ProcessStartInfo("dotnet", Path.Combine(folder, "Experimenten.SelfHost.dll"))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Wait.UntilAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The self-host exited with {process.ExitCode}.");
            }

            try
            {
                return (await Client.GetAsync(new Uri($"{BaseUrl}/readyz"))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90), "the self-host process never became ready");
    }

    /// <summary>The host's last lines of output, for a failing test's message.</summary>
    public string Output => string.Join('\n', output);

    void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200)
        {
            output.TryDequeue(out _);
        }
    }

    /// <summary>
    /// A clean stop as a service manager does it: SIGTERM, then the host's own shutdown (hosted services stop,
    /// the durable worker lets go of its leases). SIGKILL only if it has not exited within <paramref name="timeout"/>.
    /// </summary>
    /// <returns>Whether it exited by itself.</returns>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (process is not { HasExited: false } running)
        {
            return true;
        }

        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!)
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        var clean = true;
        try
        {
            await running.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            clean = false;
        }

        await KillAsync();
        return clean;
    }

    /// <summary>SIGKILL, no shutdown hooks: the host gets no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
    }
}
