using Experimenten;
using Experimenten.SelfHost;

var builder = WebApplication.CreateBuilder(args);
builder.AddSelfHost();

var app = builder.Build();
app.MapExperimenten();
app.Run();

/// <summary>Entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
