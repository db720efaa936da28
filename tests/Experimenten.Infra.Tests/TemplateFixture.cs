using System.Text.Json.Nodes;

namespace Experimenten.Infra.Tests;

/// <summary>
/// Compiles and lints infra/main.bicep once per test run (each CLI call takes a few seconds) and
/// keeps the compiled ARM JSON for all test classes in the "template" collection.
/// </summary>
public sealed class TemplateFixture : IAsyncLifetime
{
    public BicepResult Build { get; private set; } = new(-1, "", "");

    public BicepResult Lint { get; private set; } = new(-1, "", "");

    /// <summary>The compiled template, or null when the build failed (the build test reports why).</summary>
    public ArmTemplate? Template { get; private set; }

    public ArmTemplate CompiledTemplate => Template
        ?? throw new InvalidOperationException("bicep build failed (exit " + Build.ExitCode + "): " + Build.StandardError);

    public async Task InitializeAsync()
    {
        var infra = RepoPaths.File("infra");
        var build = BicepCli.RunAsync(infra, "build", "main.bicep", "--stdout");
        var lint = BicepCli.RunAsync(infra, "lint", "main.bicep");
        Build = await build;
        Lint = await lint;
        if (Build.ExitCode == 0)
        {
            Template = new ArmTemplate(JsonNode.Parse(Build.StandardOutput)!.AsObject());
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition("template")]
public sealed class TemplateGroup : ICollectionFixture<TemplateFixture>;
