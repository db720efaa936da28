using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Experimenten.Infra.Tests;

/// <summary>One resource of a compiled template, with the (nested) template that declares it.</summary>
public sealed record ArmResource(JsonObject Node, JsonObject DeclaringTemplate)
{
    public string Type => (string)Node["type"]!;

    public string Name => (string)Node["name"]!;

    public JsonObject Properties => Node["properties"]?.AsObject() ?? [];

    /// <summary>A property path under the resource, with whole-value <c>[variables('x')]</c> references resolved.</summary>
    public JsonNode? Get(params string[] path)
    {
        JsonNode? node = Node;
        foreach (var segment in path)
        {
            node = ArmTemplate.ResolveVariables(node, DeclaringTemplate)?[segment];
        }

        return ArmTemplate.ResolveVariables(node, DeclaringTemplate);
    }
}

/// <summary>Reads the ARM JSON that <c>bicep build</c> emits, including module templates nested in deployments.</summary>
public sealed partial class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    /// <summary>Every resource in the root template and, recursively, in every nested deployment.</summary>
    public IReadOnlyList<ArmResource> Resources { get; } = [.. Walk(root)];

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource SingleOf(string type) => Assert.Single(OfType(type));

    /// <summary>The nested deployment (module) with this name in the root template.</summary>
    public ArmResource Module(string name) =>
        Assert.Single(OfType("Microsoft.Resources/deployments"), r => r.Name == name);

    /// <summary>The <c>sites/config</c> resource whose name ends in <paramref name="configName"/>.</summary>
    public ArmResource SiteConfig(string configName) =>
        Assert.Single(OfType("Microsoft.Web/sites/config"), r => r.Name.Contains("'" + configName + "'", StringComparison.Ordinal));

    private static IEnumerable<ArmResource> Walk(JsonObject template)
    {
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        IEnumerable<JsonNode?> resources = template["resources"] switch
        {
            JsonArray array => array,
            JsonObject byName => byName.Select(p => p.Value),
            _ => [],
        };

        foreach (var node in resources.OfType<JsonObject>())
        {
            yield return new ArmResource(node, template);
            if (node["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Replaces a whole-value <c>[variables('x')]</c> by the variable's value; other nodes unchanged.</summary>
    public static JsonNode? ResolveVariables(JsonNode? node, JsonObject template)
    {
        for (var depth = 0; depth < 8 && node is JsonValue value && value.TryGetValue<string>(out var text); depth++)
        {
            var match = WholeVariable().Match(text);
            if (!match.Success)
            {
                break;
            }

            node = template["variables"]?[match.Groups[1].Value];
        }

        return node;
    }

    /// <summary>
    /// Inlines <c>variables('x').y</c> and <c>variables('x')</c> where they name string constants,
    /// so an expression reads the same whether Bicep kept a variable or inlined it.
    /// </summary>
    public static string InlineStringVariables(string expression, JsonObject template) =>
        VariableMember().Replace(expression, m =>
        {
            var variable = template["variables"]?[m.Groups[1].Value];
            if (m.Groups[2].Success)
            {
                variable = variable?[m.Groups[2].Value];
            }

            return variable is JsonValue v && v.TryGetValue<string>(out var s) && !s.StartsWith('[')
                ? "'" + s + "'"
                : m.Value;
        });

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex WholeVariable();

    [GeneratedRegex(@"variables\('([^']+)'\)(?:\.([A-Za-z0-9_]+))?")]
    private static partial Regex VariableMember();
}
