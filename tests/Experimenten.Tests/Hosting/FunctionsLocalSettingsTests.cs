using System.Text.Json;
using Experimenten.Coordinator;
using Experimenten.Development;
using Experimenten.Links;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Experimenten.Tests.Hosting;

/// <summary>
/// <c>func start</c> with the Functions project's <c>local.settings.json</c> template as it is: the worker's start-up
/// validation passes in Development (a signing key and a coordinator sign-in are made locally), and the same file
/// is refused outside Development, so nobody deploys without real secrets. Core Tools cannot run here, so this builds
/// the worker's services (the core plus its development secrets, as Functions' Program.cs does) from the template's
/// values, as the Functions host hands them to the worker (environment variables, <c>__</c> for sections).
/// </summary>
public sealed class FunctionsLocalSettingsTests : IDisposable
{
    readonly string contentRoot = Directory.CreateTempSubdirectory("experimenten-func-").FullName;

    static Dictionary<string, string?> TemplateValues()
    {
        var template = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(Repo.Root, "functions", "Experimenten.Functions", "local.settings.example.json")));
        return template.GetProperty("Values").EnumerateObject().ToDictionary(v => v.Name.Replace("__", ":", StringComparison.Ordinal), v => v.Value.GetString());
    }

    IHost Worker(string environment)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, ContentRootPath = contentRoot, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(TemplateValues());
        builder.Configuration["Seeds:Path"] = Path.Combine(AppContext.BaseDirectory, "test-seeds");
        builder.Services.AddExperimentenCore();
        builder.Services.AddDevelopmentSecretsIn(builder.Environment);
        return builder.Build();
    }

    [Fact]
    public void The_template_starts_the_worker_in_Development_with_a_local_signing_key_and_coordinator_password()
    {
        Assert.Equal("Development", TemplateValues()["AZURE_FUNCTIONS_ENVIRONMENT"]);
        using var host = Worker(Environments.Development);

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.False(string.IsNullOrWhiteSpace(host.Services.GetRequiredService<IOptions<LinksOptions>>().Value.SigningKey));
        var password = File.ReadAllText(Path.Combine(contentRoot, ".data", "coordinator.password")).Trim();
        var coordinator = Assert.Single(host.Services.GetRequiredService<IOptions<CoordinatorOptions>>().Value.Credentials);
        Assert.True(PasswordHashing.Verify(coordinator.PasswordHash, password), "the password in .data/ must sign in");
    }

    [Fact]
    public void The_same_template_outside_Development_is_refused_for_want_of_a_signing_key_and_a_coordinator()
    {
        using var host = Worker(Environments.Production);

        var refused = Assert.Throws<AggregateException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        var messages = string.Join("\n", refused.InnerExceptions.Select(e => e.Message));
        Assert.Contains("Links:SigningKey", messages, StringComparison.Ordinal);
        Assert.Contains("Coordinator", messages, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(contentRoot, ".data")), "outside Development nothing is made locally");
    }

    public void Dispose() => Directory.Delete(contentRoot, recursive: true);
}
