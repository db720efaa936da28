using Experimenten;
using Experimenten.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddExperimentenCore();
builder.Services.AddHostedService<StorageStartup>();
builder.Build().Run();
