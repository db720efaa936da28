using Experimenten;
using Experimenten.SelfHost;
using Experimenten.SelfHost.OpenApi;

if (args is [PasswordCommand.Name, ..])
{
    return PasswordCommand.Run();
}

if (args is [ImportCommand.Name, ..])
{
    return await ImportCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSelfHost();
if (BuildTimeDocument.IsRunning)
{
    builder.Services.WithoutRuntime();
}

var app = builder.Build();
app.MapExperimenten();
app.Run();
return 0;

/// <summary>Entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
