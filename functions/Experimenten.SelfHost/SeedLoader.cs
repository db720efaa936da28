using System.Text.Json;
using Experimenten.Commands.Applicant;
using Experimenten.Domain;
using Experimenten.Http;
using Experimenten.Submission;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Experimenten.SelfHost;

/// <summary>
/// Submits the demo applications from seeds/applications.json once the runtime is up. Their fixed seed
/// ids (a namespace of their own, see <see cref="ApplicationIds.ForSeed"/>) make this a no-op on every later start.
/// </summary>
sealed class SeedLoader(
    IOptions<SeedOptions> options,
    CallCatalog catalog,
    SubmissionService submissions,
    DurableTaskClient durable,
    Readiness readiness,
    ILogger<SeedLoader> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = Path.Combine(options.Value.Path, "applications.json");
        if (!options.Value.SubmitDemoApplications || !File.Exists(file))
        {
            return;
        }

        while (!readiness.IsReady && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(200, stoppingToken);
        }

        var seeds = JsonSerializer.Deserialize<List<SeedApplication>>(await File.ReadAllTextAsync(file, stoppingToken), CallCatalog.Json) ?? [];
        foreach (var seed in seeds)
        {
            var call = (await catalog.GetAsync(stoppingToken)).Find(seed.CallId);
            if (call is null)
            {
                continue;
            }

            var form = new ApplicationForm(seed.CallId, seed.Title, seed.Summary, seed.InitiativeName,
                new Contact(seed.ResidentContactName, seed.ResidentContactEmail), seed.WelfareOrganisation,
                new Contact(seed.WelfareContactName, seed.WelfareContactEmail), seed.Municipality,
                seed.BudgetRequested, seed.PlanText, null, Languages.Normalize(seed.Language));
            var id = await submissions.SeedAsync(form, call, seed.SeedId, durable, stoppingToken);
            SelfHostLogs.SeedApplication(log, id);
        }
    }

    sealed record SeedApplication(
        string SeedId, string CallId, string Title, string Summary, string InitiativeName,
        string ResidentContactName, string ResidentContactEmail, string WelfareOrganisation,
        string WelfareContactName, string WelfareContactEmail, string Municipality,
        long BudgetRequested, string PlanText, string Language);
}
