using System.Net;
using System.Net.Http.Json;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Experimenten.Tests.Infrastructure;
using Json.Schema;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Tests.Api;

/// <summary>
/// The OpenAPI document: the self-host serves it, the build commits it to docs/api/openapi.json, the Functions host
/// serves that copy. It names every /api route of the running host, and its examples are what the schemas allow.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed partial class OpenApiDocumentTests(Azurite azurite) : IAsyncLifetime
{
    static readonly string Committed = Path.Combine(Repo.Root, "docs", "api", "openapi.json");

    SelfHostFactory host = null!;
    HttpClient client = null!;
    JsonObject document = null!;

    public async Task InitializeAsync()
    {
        host = new SelfHostFactory(azurite);
        client = await host.StartAsync();
        var response = await client.GetAsync(new Uri("/" + Http.Routes.OpenApi, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void Every_api_route_of_the_running_host_is_in_the_document_with_its_method_and_nothing_else_is()
    {
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m.ToUpperInvariant()} /{Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/'), "}")}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var documented = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(routes.Count >= 14, string.Join("\n", routes));
        Assert.Equal(routes, documented);
    }

    [Fact]
    public void The_committed_document_is_the_one_the_host_serves()
    {
        var committed = JsonNode.Parse(File.ReadAllText(Committed));
        Assert.True(JsonNode.DeepEquals(document, committed),
            "docs/api/openapi.json is out of date: build functions/Experimenten.SelfHost (it writes the file) and commit it.");
    }

    [Fact]
    public void The_functions_host_embeds_the_committed_document()
    {
        var context = new AssemblyLoadContext("functions", isCollectible: true);
        try
        {
            var functions = context.LoadFromAssemblyPath(Path.Combine(Repo.Output("Experimenten.Functions"), "Experimenten.Functions.dll"));
            using var stream = functions.GetManifestResourceStream("openapi.json");
            Assert.NotNull(stream);
            Assert.True(JsonNode.DeepEquals(document, JsonNode.Parse(stream)), "the Functions host serves another document than the self-host");
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Every_example_is_valid_for_its_schema()
    {
        var examples = Examples().ToList();
        Assert.True(examples.Count >= 40, $"only {examples.Count} examples");
        Assert.All(examples, e =>
        {
            var result = SchemaOf(e.Schema).Evaluate(e.Value, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{e.Where}: " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(x => $"{d.InstanceLocation} {x.Key}: {x.Value}"))));
        });
    }

    [Fact]
    public void Every_request_and_response_body_has_an_example()
    {
        var bodies = Operations().SelectMany(o => Bodies(o.Operation).Select(b => (Where: $"{o.Name} {b.Where}", b.Media))).ToList();
        Assert.All(bodies, b => Assert.True(b.Media["examples"]?.AsObject().Count > 0, b.Where + " has no example"));
    }

    [Fact]
    public void Every_refusal_is_a_problem_details_response()
    {
        var refusals = Operations().SelectMany(o => o.Operation["responses"]!.AsObject()
            .Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5'))
            .Select(r => (Where: $"{o.Name} {r.Key}", Content: r.Value!["content"]?.AsObject()))).ToList();

        Assert.True(refusals.Count >= 40, $"only {refusals.Count} documented refusals");
        Assert.All(refusals, r =>
        {
            Assert.True(r.Content is { Count: 1 }, r.Where + " has no single content type");
            Assert.Equal("#/components/schemas/ProblemDetails", r.Content!["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>());
        });
    }

    /// <summary>What the host really answers fits what the document promises.</summary>
    [Fact]
    public async Task Real_answers_are_valid_for_the_documented_schemas()
    {
        await AssertAnswerFits(await client.GetAsync(new Uri("/api/calls", UriKind.Relative)), "/api/calls", "get", 200);
        await AssertAnswerFits(await client.PostAsync(new Uri("/api/applications", UriKind.Relative), JsonContent.Create(new { title = "x" })), "/api/applications", "post", 415);
        await AssertAnswerFits(await client.PostAsync(new Uri("/api/applications", UriKind.Relative), new TestApplication().Without("residentContactEmail").ToContent()), "/api/applications", "post", 400);
        await AssertAnswerFits(await client.GetAsync(new Uri("/api/applications/exp-aaaaaaaaaaaa?token=nope", UriKind.Relative)), "/api/applications/{id}", "get", 404);
        await AssertAnswerFits(await client.GetAsync(new Uri("/api/coordinator/applications", UriKind.Relative)), "/api/coordinator/applications", "get", 401);
        await AssertAnswerFits(await host.CoordinatorClient().GetAsync(new Uri("/api/coordinator/applications?pageSize=5", UriKind.Relative)), "/api/coordinator/applications", "get", 200);
    }

    async Task AssertAnswerFits(HttpResponseMessage response, string path, string method, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var media = response.Content.Headers.ContentType?.MediaType;
        var schema = document["paths"]?[path]?[method]?["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?[media ?? ""]?["schema"];
        Assert.True(schema is not null, $"{method} {path} answered {status} as {media}, which the document does not describe");
        var result = SchemaOf(schema).Evaluate(JsonNode.Parse(await response.Content.ReadAsStringAsync()), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{method} {path} {status}: the answer does not fit its schema");
    }

    IEnumerable<(string Name, JsonObject Operation)> Operations() =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => ($"{o.Key.ToUpperInvariant()} {p.Key}", o.Value!.AsObject())));

    static IEnumerable<(string Where, JsonObject Media)> Bodies(JsonObject operation)
    {
        foreach (var (type, media) in operation["requestBody"]?["content"]?.AsObject() ?? [])
        {
            yield return ($"request {type}", media!.AsObject());
        }

        foreach (var (status, response) in operation["responses"]!.AsObject())
        {
            foreach (var (type, media) in response!["content"]?.AsObject() ?? [])
            {
                yield return ($"{status} {type}", media!.AsObject());
            }
        }
    }

    IEnumerable<(string Where, JsonNode Schema, JsonNode? Value)> Examples() =>
        Operations().SelectMany(o => Bodies(o.Operation).SelectMany(b => (b.Media["examples"]?.AsObject() ?? [])
            .Select(e => ($"{o.Name} {b.Where} example '{e.Key}'", b.Media["schema"]!, e.Value!["value"]))));

    /// <summary>
    /// OpenAPI 3.1 schemas are JSON Schema 2020-12; a <c>$ref</c> to <c>#/components/schemas/X</c> is resolved by
    /// carrying the document's schemas along as <c>$defs</c>.
    /// </summary>
    JsonSchema SchemaOf(JsonNode schema)
    {
        var defs = document["components"]!["schemas"]!.ToJsonString();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = JsonNode.Parse(defs.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal)),
            ["allOf"] = new JsonArray(JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))),
        };
        return JsonSchema.FromText(root.ToJsonString());
    }

    /// <summary>A route constraint (<c>{number:int}</c>) is not part of an OpenAPI path.</summary>
    [GeneratedRegex(":[^}]+}")]
    private static partial Regex Constraint();
}
