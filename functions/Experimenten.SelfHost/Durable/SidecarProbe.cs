using Experimenten.Health;
using Microsoft.DurableTask.Client;

namespace Experimenten.SelfHost.Durable;

/// <summary>
/// Asks the embedded sidecar for an instance that never exists: one gRPC call through the sidecar and one read of
/// the task hub's instances table, so a sidecar that stopped answering, or a task hub it cannot read, shows in /readyz.
/// </summary>
sealed class SidecarProbe(DurableTaskClient client) : IDurableRuntimeProbe
{
    /// <summary>Not an application id (those begin with "exp-"), so no real instance is ever read.</summary>
    const string ProbeInstance = "readyz-probe";

    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.GetInstanceAsync(ProbeInstance, getInputsAndOutputs: false, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is Grpc.Core.RpcException or HttpRequestException or InvalidOperationException)
        {
            return $"The durable sidecar did not answer ({e.GetType().Name}).";
        }
    }
}
