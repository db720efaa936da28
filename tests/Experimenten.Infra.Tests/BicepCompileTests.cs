using System.Text.Json.Nodes;

namespace Experimenten.Infra.Tests;

[Collection("template")]
public sealed class BicepCompileTests(TemplateFixture fixture)
{
    [Fact]
    public void Bicep_build_succeeds_without_any_diagnostic()
    {
        Assert.True(fixture.Build.ExitCode == 0, "bicep build failed:\n" + fixture.Build.StandardError);
        // Warnings (BCP081 unknown API version, linter rules, ...) go to stderr with exit code 0.
        Assert.True(fixture.Build.StandardError.Trim().Length == 0, "bicep build reported:\n" + fixture.Build.StandardError);
        Assert.NotNull(fixture.Template);
    }

    [Fact]
    public void Bicep_lint_reports_no_warning_or_error()
    {
        var output = (fixture.Lint.StandardOutput + fixture.Lint.StandardError).Trim();
        Assert.True(fixture.Lint.ExitCode == 0 && output.Length == 0, "bicep lint reported (exit " + fixture.Lint.ExitCode + "):\n" + output);
    }

    [Fact]
    public void Linter_configuration_switches_no_rule_off()
    {
        var path = RepoPaths.File("infra", "bicepconfig.json");
        if (!File.Exists(path))
        {
            return; // Defaults apply: nothing is silenced.
        }

        var config = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.NotEqual(false, config["analyzers"]?["core"]?["enabled"]?.GetValue<bool>());
        var rules = config["analyzers"]?["core"]?["rules"]?.AsObject() ?? [];
        var off = rules.Where(r => string.Equals((string?)r.Value?["level"], "off", StringComparison.OrdinalIgnoreCase)).Select(r => r.Key);
        Assert.Empty(off);
    }
}
