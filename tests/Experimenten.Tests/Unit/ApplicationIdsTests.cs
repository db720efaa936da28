using Experimenten.Submission;

namespace Experimenten.Tests.Unit;

public sealed class ApplicationIdsTests
{
    [Fact]
    public void The_same_key_and_call_give_the_same_id_and_anything_else_another()
    {
        var id = ApplicationIds.FromIdempotencyKey("demo", "k1");
        Assert.Equal(id, ApplicationIds.FromIdempotencyKey("demo", "k1"));
        Assert.NotEqual(id, ApplicationIds.FromIdempotencyKey("demo", "k2"));
        Assert.NotEqual(id, ApplicationIds.FromIdempotencyKey("samenwerken-2026", "k1"));
        Assert.True(ApplicationIds.LooksValid(id));
    }

    [Fact]
    public void Random_ids_do_not_repeat() =>
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => ApplicationIds.NewRandom()).Distinct().Count());
}
