using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Experimenten.Infra.Tests;

[Collection("template")]
public sealed partial class OutputsAndParametersTests(TemplateFixture fixture)
{
    private IEnumerable<JsonObject> AllTemplates =>
        new[] { fixture.CompiledTemplate.Root }.Concat(fixture.CompiledTemplate.Resources
            .Select(r => r.Node["properties"]?["template"]).OfType<JsonObject>());

    [Fact]
    public void Main_template_outputs_the_non_secret_names_azd_and_operators_use()
    {
        var outputs = fixture.CompiledTemplate.Root["outputs"]!.AsObject().Select(o => o.Key).ToList();

        Assert.Equal(
            ["AZURE_KEY_VAULT_NAME", "AZURE_RESOURCE_GROUP", "AZURE_STORAGE_ACCOUNT_NAME", "SERVICE_API_NAME", "SERVICE_API_URI"],
            outputs.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_output_in_any_template_looks_like_a_secret()
    {
        foreach (var template in AllTemplates)
        {
            foreach (var (name, output) in template["outputs"]?.AsObject() ?? [])
            {
                Assert.DoesNotMatch(SecretName(), name);
                Assert.DoesNotContain("secure", (string?)output?["type"] ?? "", StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotMatch(ListFunction(), output?["value"]?.ToJsonString() ?? "");
            }
        }
    }

    [Fact]
    public void No_parameter_default_in_any_template_looks_like_a_secret()
    {
        foreach (var template in AllTemplates)
        {
            foreach (var (name, parameter) in template["parameters"]?.AsObject() ?? [])
            {
                var type = (string?)parameter?["type"] ?? "";
                var defaultValue = parameter?["defaultValue"];
                Assert.False(
                    type.StartsWith("secure", StringComparison.OrdinalIgnoreCase) && defaultValue is not null,
                    name + " is a secure parameter with a default");
                Assert.DoesNotMatch(SecretName(), name);
                if (defaultValue is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    Assert.DoesNotMatch(SecretLikeValue(), text);
                }
            }
        }
    }

    [Fact]
    public void Parameters_file_only_maps_environment_variables_and_covers_every_required_parameter()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepoPaths.File("infra", "main.parameters.json")))!;
        var entries = file["parameters"]!.AsObject();
        var declared = fixture.CompiledTemplate.Root["parameters"]!.AsObject();

        foreach (var (name, entry) in entries)
        {
            Assert.True(declared.ContainsKey(name), name + " is not a parameter of main.bicep");
            var value = (string?)entry?["value"] ?? "";
            var match = EnvironmentReference().Match(value);
            Assert.True(match.Success, name + " must be ${VAR} or ${VAR=default}, not a literal: " + value);
            Assert.DoesNotMatch(SecretLikeValue(), match.Groups[1].Value);
        }

        var required = declared.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key);
        Assert.DoesNotContain(required, name => !entries.ContainsKey(name));
    }

    [GeneratedRegex("(?i)(secret|password|key$|apikey|signingkey|accountkey|token|connectionstring|sas$)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?i)\blist[a-z]*\(")]
    private static partial Regex ListFunction();

    // Storage keys, SendGrid keys, long base64 blobs, JWTs.
    [GeneratedRegex(@"(?i)(accountkey=|sharedaccesssignature|^SG\.|^[A-Za-z0-9+/]{32,}={0,2}$|^eyJ[A-Za-z0-9_-]+\.)")]
    private static partial Regex SecretLikeValue();

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*(?:=([^}]*))?\}$")]
    private static partial Regex EnvironmentReference();
}
