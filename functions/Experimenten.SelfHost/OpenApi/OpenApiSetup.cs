using Experimenten.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Experimenten.SelfHost.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of the JSON API: every <c>/api</c> route, served at <see cref="Routes.OpenApi"/>
/// and written to <c>docs/api/openapi.json</c> at build time (the Functions host serves that copy).
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    const string Description = """
        Experimenten runs the life of a small experiment grant: residents and a welfare organisation apply together,
        reviewers decide from links in their email, coordinators see every application and every running deadline.
        This is its JSON API, the same on the self-host and on Azure Functions.

        Anyone can list the calls and apply. What an applicant may do afterwards depends on the signed link they hold:
        the status link from the answer to their application shows the status; the personal link in a contact's email
        also lets them withdraw or hand their place over. Coordinators sign in. Reviewers decide on pages, not here.

        Every refusal is a problem (RFC 9457, `application/problem+json`) with a `type` of `urn:experimenten:problem:{code}`,
        a title and detail in the reader's language (Dutch, or English with `?lang=en` or `Accept-Language: en`), and,
        where fields are wrong, `errors`: per field what is wrong. Busy clients get 429 with `Retry-After`.
        """;

    public static IServiceCollection AddExperimentenOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;

            // Pages, links from email and probes are for people and platforms, not API clients.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (ProblemSchema.IsProblem(context.JsonTypeInfo.Type))
                {
                    ProblemSchema.AddExtensions(schema);
                }

                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "Experimenten", Version = "1", Description = Description };

                // No servers: the document is the same wherever it is served, and the committed copy stays stable.
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = CoordinatorSecurity.Schemes.ToDictionary(s => s.Key, s => (IOpenApiSecurityScheme)s.Value);

                // Responses in status order (the success first), however each endpoint listed them.
                foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
                {
                    if (operation.Responses is { } responses)
                    {
                        var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
                        responses.Clear();
                        foreach (var (status, response) in sorted)
                        {
                            responses.Add(status, response);
                        }
                    }
                }
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapExperimentenOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/" + Routes.OpenApi);
        return app;
    }
}
