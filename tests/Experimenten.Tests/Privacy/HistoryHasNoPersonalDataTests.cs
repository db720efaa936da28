using System.Net;
using System.Net.Http.Json;
using Experimenten.Tests.Infrastructure;
using Experimenten.Tests.Replay;
using Google.Protobuf;

namespace Experimenten.Tests.Privacy;

/// <summary>
/// Durable history is kept by the runtime, out of reach of retention and erasure: it may hold ids, facts and
/// references, never what identifies a person or what they wrote (docs/upgrades.md). A lifecycle is driven
/// to each waiting point, with a hand-over on the way, and the whole history of every instance — inputs,
/// outputs, events, activity inputs and results, custom status — is scanned for every word people typed.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class HistoryHasNoPersonalDataTests(Azurite azurite)
{
    static readonly string[] Typed =
    [
        // What the points' applicants, reviewers and coordinator type (WaitingPoints) beside the form's own fields.
        "Helder plan.", "Vertel meer over wie wat doet.", "Anna regelt de sleutels", "Goed plan.", "We leerden taken eerlijk te verdelen.",
        "Schrijf meer over de taakverdeling.", "De werkgroep is op vakantie.", "De school gaat toch niet dicht.", "Past niet bij de oproep.",
        "Te weinig samenwerking.", "Mooi verslag.", "Carla Smit", "carla@example.org",
    ];

    [Fact]
    public async Task No_name_address_title_plan_or_typed_word_is_in_any_instance_history()
    {
        await using var host = new SelfHostFactory(azurite, b => b.UseSetting("Seeds:Path", WaitingPoints.Seeds()));
        var client = await host.StartAsync();
        var points = new WaitingPoints(host, client);
        var ids = new List<string>();
        foreach (var point in new[] { "revision-in", "report-changes", "deadline-extended", "rejected", "completed" })
        {
            ids.Add(await points.BringToAsync(point));
        }

        // A hand-over, then a withdrawal: the former contact is mailed, the new one welcomed.
        var handedOver = await points.BringToAsync("screened");
        var token = await host.StatusTokenAsync(handedOver, "resident");
        var change = await client.PostAsync(new Uri($"/api/applications/{handedOver}/contacts?token={token}", UriKind.Relative),
            JsonContent.Create(new { role = "resident", name = "Carla Smit", email = "carla@example.org" }));
        Assert.Equal(HttpStatusCode.Accepted, change.StatusCode);
        await host.WaitForKindAsync(handedOver, "ContactHandedOver", 1);
        ids.Add(handedOver);
        ids.Add(await points.BringToAsync("withdrawn"));

        var personal = new TestApplication().Fields
            .Where(f => f.Key is not ("callId" or "budgetRequested" or "language" or "consent"))
            .Select(f => f.Value)
            .Concat(Typed)
            .ToList();
        var scanned = 0;
        foreach (var id in ids)
        {
            await DurableHistory.WaitQuietAsync(host, id);
            foreach (var instance in await DurableHistory.ReadApplicationAsync(host, id))
            {
                var history = string.Join("\n", instance.Events.Select(e => JsonFormatter.Default.Format(e)));
                Assert.All(personal, word => Assert.False(history.Contains(word, StringComparison.OrdinalIgnoreCase), $"'{word}' is in the history of {instance.Name} {instance.InstanceId}"));
                scanned += instance.Events.Count;
            }
        }

        // The read model does have them: the words went somewhere retention reaches.
        var view = await host.ReadModel.GetAsync(handedOver, default);
        Assert.Equal("Carla Smit", view!.ResidentContact.Name);
        Assert.True(scanned > 300, $"only {scanned} events scanned");
    }
}
