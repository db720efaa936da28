using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Experimenten.Testing;

/// <summary>
/// The real storage emulator for every test that touches storage. Uses the one named by
/// EXPERIMENTEN_TEST_STORAGE if set; otherwise starts the repository's own Azurite (npm) on free
/// loopback ports with a throw-away folder, and stops it afterwards.
/// </summary>
public sealed partial class Azurite
{
    Process? process;

    /// <summary>CPU time the process has used so far (benchmarks: what one request costs it).</summary>
    public TimeSpan CpuTime => process is { HasExited: false } p ? p.TotalProcessorTime : TimeSpan.Zero;
    string? folder;

    public string ConnectionString { get; private set; } = "";

    /// <summary>When set before start, Azurite logs every request here (benchmarks count storage transactions).</summary>
    public string? DebugLog { get; init; }

    /// <summary>
    /// Keeps data in memory only. For benchmarks that measure queries on large tables: Azurite's
    /// periodic save of the whole database to disk stalls every request for a moment.
    /// </summary>
    public bool InMemory { get; init; }

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("EXPERIMENTEN_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        var azurite = Path.Combine(Repo.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed: run `npm ci` in {Repo.Root} (./test.sh does this).");
        }

        folder = Directory.CreateTempSubdirectory("experimenten-azurite-").FullName;
        int blob = FreePort(), queue = FreePort(), table = FreePort();
        process = Process.Start(new ProcessStartInfo(azurite,
            $"--silent --skipApiVersionCheck --disableTelemetry{(InMemory ? " --inMemoryPersistence" : $" --location {folder}")} --blobHost 127.0.0.1 --blobPort {blob} --queueHost 127.0.0.1 --queuePort {queue} --tableHost 127.0.0.1 --tablePort {table}" + (DebugLog is null ? "" : $" --debug {DebugLog}"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        const string key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        await Wait.UntilAsync(
            () => process.HasExited ? throw new InvalidOperationException("Azurite exited: " + process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd()) : Task.FromResult(IsListening(blob) && IsListening(queue) && IsListening(table)),
            TimeSpan.FromSeconds(30),
            "Azurite did not start");
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
