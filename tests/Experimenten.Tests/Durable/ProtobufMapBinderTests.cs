using Experimenten.SelfHost.Durable;
using Google.Protobuf.Collections;

namespace Experimenten.Tests.Durable;

/// <summary>
/// Upstream: the embedded sidecar gives DurableTask.AzureStorage sub-orchestration messages whose tags are a protobuf
/// MapField&lt;string,string&gt;; the backend writes message types by name and cannot load that type back, so every
/// sub-orchestration start failed forever. The repair writes and reads such maps as a plain Dictionary.
/// </summary>
public sealed class ProtobufMapBinderTests
{
    [Fact]
    public void A_protobuf_map_is_written_as_a_plain_dictionary_and_read_back_as_one()
    {
        var binder = new ProtobufMapBinder();

        binder.BindToName(typeof(MapField<string, string>), out _, out var name);

        Assert.Equal(typeof(Dictionary<string, string>).FullName, name);
        Assert.Equal(typeof(Dictionary<string, string>), binder.BindToType("", name));
        Assert.Equal(typeof(Dictionary<string, string>), binder.BindToType("", typeof(MapField<string, string>).FullName!));
    }

    [Fact]
    public void Every_other_type_keeps_its_name()
    {
        var binder = new ProtobufMapBinder();

        binder.BindToName(typeof(List<int>), out _, out var name);

        Assert.Equal(typeof(List<int>).FullName, name);
        Assert.Equal(typeof(List<int>), binder.BindToType("", name));
    }
}
