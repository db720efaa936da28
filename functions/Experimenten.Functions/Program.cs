using Experimenten;
using Experimenten.Development;
using Experimenten.Functions;
using Experimenten.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<RateLimitMiddleware>();
builder.Services.AddExperimentenCore();
builder.Services.AddDevelopmentSecretsIn(builder.Environment);
builder.AddFunctionsTelemetry();

// Every request reaches the worker through the Functions host, so the connection is the host's own; the
// platform's front end appends the client's address to X-Forwarded-For (RateLimits takes the last public one).
builder.Services.PostConfigure<RateLimitOptions>(o => o.ClientAddressHeader = o.ClientAddressHeader.Length > 0 ? o.ClientAddressHeader : "X-Forwarded-For");
builder.Services.AddHostedService<StorageStartup>();
builder.Build().Run();
