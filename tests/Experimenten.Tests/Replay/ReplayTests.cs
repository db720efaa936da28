using System.Reflection;
using Experimenten.Tests.Infrastructure;
using Google.Protobuf;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Protobuf;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Tests.Replay;

/// <summary>
/// Every recorded history (<c>Replay/Histories/{version}/*.json</c>, see <see cref="HistoryRecorder"/>) replayed
/// against the current code, the way a worker replays it after a restart: through the self-host's
/// orchestrator classes and through the Functions app's orchestrator functions, both with
/// <see cref="GrpcOrchestrationRunner"/> (the runner the Durable Functions isolated worker itself uses).
/// A history that waits must replay into no new step; a finished one into the same result. Anything
/// else is the non-determinism that would fail that running application after an upgrade.
/// </summary>
public sealed class ReplayTests
{
    static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    public static TheoryData<string, string> Histories()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(DurableHistory.OutputFolder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(DurableHistory.OutputFolder, file);
            data.Add(name, "self-host");
            data.Add(name, "functions");
        }

        return data;
    }

    [Fact]
    public void Every_waiting_point_of_the_current_version_is_recorded()
    {
        var folder = Path.Combine(DurableHistory.OutputFolder, Orchestrations.OrchestrationVersions.Current);
        var recorded = Directory.GetFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.All(WaitingPoints.All, point => Assert.Contains(point, recorded));
        Assert.All(Orchestrations.OrchestrationVersions.Supported, v => Assert.True(Directory.Exists(Path.Combine(DurableHistory.OutputFolder, v)), $"no recorded histories for version {v}"));
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public void A_recorded_history_replays_on_the_current_code(string file, string host)
    {
        var lifecycle = DurableHistory.Read(Path.Combine(DurableHistory.OutputFolder, file));
        Assert.NotEmpty(lifecycle.Instances);
        foreach (var instance in lifecycle.Instances)
        {
            var run = host == "functions" ? FunctionsApp.Runner(instance.Name) : SelfHostRunner(instance.Name);
            AssertReplays(instance, run);
        }
    }

    /// <summary>The orchestrator class of this name, which the self-host registers (<c>AddExperimentenTasks</c>).</summary>
    static Func<string, string> SelfHostRunner(string name)
    {
        var type = typeof(Orchestrations.ApplicationLifecycle).Assembly.GetTypes()
            .SingleOrDefault(t => t.Name == name && typeof(ITaskOrchestrator).IsAssignableFrom(t));
        Assert.True(type is not null, $"no orchestrator {name} in the core");
        return request => GrpcOrchestrationRunner.LoadAndRun(request, (ITaskOrchestrator)Activator.CreateInstance(type)!, Services);
    }

    static void AssertReplays(RecordedInstance instance, Func<string, string> run)
    {
        var past = instance.Events.TakeWhile(e => e.EventTypeCase != HistoryEvent.EventTypeOneofCase.ExecutionCompleted).ToList();
        var request = new OrchestratorRequest { InstanceId = instance.InstanceId };
        request.PastEvents.AddRange(past);
        var response = OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(run(Convert.ToBase64String(request.ToByteArray()))));
        var actions = response.Actions.ToList();
        var finished = instance.Events.FirstOrDefault(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.ExecutionCompleted)?.ExecutionCompleted;
        if (finished is null)
        {
            Assert.True(actions.Count == 0, $"{instance.Name} {instance.InstanceId} no longer replays its history: {Describe(actions)}");
            return;
        }

        var done = actions.SingleOrDefault(a => a.OrchestratorActionTypeCase == OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration);
        Assert.True(actions.Count == 1 && done is not null, $"{instance.Name} {instance.InstanceId} no longer replays to its end: {Describe(actions)}");
        Assert.Equal(finished.OrchestrationStatus, done.CompleteOrchestration.OrchestrationStatus);
        Assert.Equal(finished.Result, done.CompleteOrchestration.Result);
    }

    static string Describe(IEnumerable<OrchestratorAction> actions) => string.Join("; ", actions.Select(a => a.OrchestratorActionTypeCase switch
    {
        OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask => $"schedules activity {a.ScheduleTask.Name}",
        OrchestratorAction.OrchestratorActionTypeOneofCase.CreateSubOrchestration => $"starts {a.CreateSubOrchestration.Name} {a.CreateSubOrchestration.InstanceId}",
        OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer => $"sets a timer for {a.CreateTimer.FireAt}",
        OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration =>
            $"ends {a.CompleteOrchestration.OrchestrationStatus}: {a.CompleteOrchestration.FailureDetails?.ErrorType} {a.CompleteOrchestration.FailureDetails?.ErrorMessage}",
        _ => a.OrchestratorActionTypeCase.ToString(),
    }));

    /// <summary>The Functions app's orchestrator functions (<c>DurableFunctions</c>), loaded from its build output.</summary>
    static class FunctionsApp
    {
        static readonly string Folder = Repo.Output("Experimenten.Functions");
        static readonly Lazy<Type> Functions = new(() =>
        {
            AppDomain.CurrentDomain.AssemblyResolve += (_, e) =>
            {
                var path = Path.Combine(Folder, new AssemblyName(e.Name).Name + ".dll");
                return File.Exists(path) ? Assembly.LoadFrom(path) : null;
            };
            return Assembly.LoadFrom(Path.Combine(Folder, "Experimenten.Functions.dll")).GetType("Experimenten.Functions.DurableFunctions", throwOnError: true)!;
        });

        public static Func<string, string> Runner(string name)
        {
            var function = Functions.Value.GetMethod(name, BindingFlags.Public | BindingFlags.Static);
            Assert.True(function is not null, $"no orchestrator function {name} in the Functions app");
            var input = function.GetParameters()[1].ParameterType;
            var output = function.ReturnType.GetGenericArguments()[0];
            var body = function.CreateDelegate(typeof(Func<,,>).MakeGenericType(typeof(TaskOrchestrationContext), input, function.ReturnType));
            var loadAndRun = typeof(GrpcOrchestrationRunner).GetMethods()
                .Single(m => m.Name == nameof(GrpcOrchestrationRunner.LoadAndRun) && m.IsGenericMethodDefinition)
                .MakeGenericMethod(input, output);
            return request => (string)loadAndRun.Invoke(null, [request, body, Services])!;
        }
    }
}
