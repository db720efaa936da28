using DurableTask.AzureStorage;

namespace Experimenten.SelfHost.Durable;

/// <summary>
/// The embedded sidecar hands the Azure Storage backend sub-orchestration messages whose tags are a
/// protobuf <c>MapField&lt;string,string&gt;</c>. The backend writes message types by name and cannot load
/// that type back, so every sub-orchestration start would fail forever. This binder writes and reads
/// such maps as a plain <c>Dictionary&lt;string,string&gt;</c> (found while building review rounds).
/// </summary>
sealed class ProtobufMapBinder : ICustomTypeBinder
{
    const string ProtobufMap = "Google.Protobuf.Collections.MapField`2";

    public void BindToName(Type serializedType, out string assemblyName, out string typeName)
    {
        assemblyName = null!;
        typeName = serializedType.FullName!.StartsWith(ProtobufMap, StringComparison.Ordinal)
            ? typeof(Dictionary<string, string>).FullName!
            : serializedType.FullName;
    }

    public Type BindToType(string assemblyName, string typeName) =>
        typeName.StartsWith(ProtobufMap, StringComparison.Ordinal)
            ? typeof(Dictionary<string, string>)
            : Type.GetType(typeName, throwOnError: true)!;
}
