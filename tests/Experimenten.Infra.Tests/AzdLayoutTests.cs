using System.Text.RegularExpressions;

namespace Experimenten.Infra.Tests;

public sealed class AzdLayoutTests
{
    [Fact]
    public void Azure_yaml_declares_the_api_service_as_a_dotnet_function_app()
    {
        var yaml = File.ReadAllText(RepoPaths.File("azure.yaml")).ReplaceLineEndings("\n");
        var service = Regex.Match(yaml, @"(?m)^services:\n  api:\n((?:    .*\n?)+)");

        Assert.True(service.Success, "azure.yaml has no services.api block");
        var body = service.Groups[1].Value;
        Assert.Matches(@"(?m)^    project: \./functions/Experimenten\.Functions/?$", body);
        Assert.Matches(@"(?m)^    language: dotnet$", body);
        Assert.Matches(@"(?m)^    host: function$", body);
        Assert.NotEmpty(Directory.GetFiles(RepoPaths.File("functions", "Experimenten.Functions"), "*.csproj"));
    }

    [Fact]
    public void Azure_yaml_points_at_the_bicep_entry_point()
    {
        var yaml = File.ReadAllText(RepoPaths.File("azure.yaml"));

        Assert.Matches(@"(?m)^  path: infra$", yaml);
        Assert.Matches(@"(?m)^  module: main$", yaml);
        Assert.True(File.Exists(RepoPaths.File("infra", "main.bicep")));
        Assert.True(File.Exists(RepoPaths.File("infra", "main.parameters.json")));
    }
}
