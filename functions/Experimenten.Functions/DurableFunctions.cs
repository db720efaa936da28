using Experimenten.Activities;
using Experimenten.Email;
using Experimenten.Orchestrations;
using Experimenten.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Experimenten.Functions;

/// <summary>Orchestrator and activity triggers: the names are the core classes' names, the code is the core's.</summary>
public static class DurableFunctions
{
    [Function(nameof(ApplicationLifecycle))]
    public static Task<LifecycleOutcome> ApplicationLifecycle([OrchestrationTrigger] TaskOrchestrationContext context, LifecycleInput input) =>
        new ApplicationLifecycle().RunAsync(context, input);

    [Function(nameof(ReviewRound))]
    public static Task<RoundOutcome> ReviewRound([OrchestrationTrigger] TaskOrchestrationContext context, ReviewRoundInput input) =>
        new ReviewRound().RunAsync(context, input);

    [Function(nameof(ReportCycle))]
    public static Task<ReportOutcome> ReportCycle([OrchestrationTrigger] TaskOrchestrationContext context, ReportCycleInput input) =>
        new ReportCycle().RunAsync(context, input);

    [Function(nameof(Retention))]
    public static Task<bool> Retention([OrchestrationTrigger] TaskOrchestrationContext context, RetentionInput input) =>
        new Retention().RunAsync(context, input);

    /// <summary>Needs the durable client, which the Functions worker binds per call (the self-host has it in its services).</summary>
    [Function(nameof(StartRetention))]
    public static Task<bool> StartRetention([ActivityTrigger] RetentionInput input, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        ActivatorUtilities.CreateInstance<StartRetention>(context.InstanceServices, durable).RunAsync(new FunctionActivityContext(context), input);

    [Function(nameof(EraseApplication))]
    public static Task<bool> EraseApplication([ActivityTrigger] ErasureOrder input, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        ActivatorUtilities.CreateInstance<EraseApplication>(context.InstanceServices, durable).RunAsync(new FunctionActivityContext(context), input);

    [Function(nameof(RecordNote))]
    public static Task<bool> RecordNote([ActivityTrigger] Note input, FunctionContext context) =>
        Run<RecordNote, Note, bool>(context, input);

    [Function(nameof(RecordReviewers))]
    public static Task<bool> RecordReviewers([ActivityTrigger] ReviewersInvited input, FunctionContext context) =>
        Run<RecordReviewers, ReviewersInvited, bool>(context, input);

    [Function(nameof(ChooseReviewers))]
    public static Task<IReadOnlyList<string>> ChooseReviewers([ActivityTrigger] ReviewersWanted input, FunctionContext context) =>
        Run<ChooseReviewers, ReviewersWanted, IReadOnlyList<string>>(context, input);

    [Function(nameof(RecordReport))]
    public static Task<bool> RecordReport([ActivityTrigger] ReportUpdate input, FunctionContext context) =>
        Run<RecordReport, ReportUpdate, bool>(context, input);

    [Function(nameof(CloseRound))]
    public static Task<bool> CloseRound([ActivityTrigger] RoundClosed input, FunctionContext context) =>
        Run<CloseRound, RoundClosed, bool>(context, input);

    [Function(nameof(SendEmail))]
    public static Task<bool> SendEmail([ActivityTrigger] EmailBatch input, FunctionContext context) =>
        Run<SendEmail, EmailBatch, bool>(context, input);

    [Function(nameof(Advance))]
    public static Task<bool> Advance([ActivityTrigger] StepUpdate input, FunctionContext context) =>
        Run<Advance, StepUpdate, bool>(context, input);

    [Function(nameof(RecordProgress))]
    public static Task<bool> RecordProgress([ActivityTrigger] ProgressUpdate input, FunctionContext context) =>
        Run<RecordProgress, ProgressUpdate, bool>(context, input);

    static Task<TOut> Run<TActivity, TIn, TOut>(FunctionContext context, TIn input)
        where TActivity : TaskActivity<TIn, TOut>
    {
        var activity = context.InstanceServices.GetRequiredService<TActivity>();
        return activity.RunAsync(new FunctionActivityContext(context), input);
    }

    /// <summary>The Durable Task activity context, built from the Functions invocation.</summary>
    sealed class FunctionActivityContext(FunctionContext context) : TaskActivityContext
    {
        public override TaskName Name => context.FunctionDefinition.Name;

        public override string InstanceId =>
            context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "";
    }
}
