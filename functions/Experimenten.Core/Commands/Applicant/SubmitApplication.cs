using Experimenten.Domain;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Commands.Applicant;

/// <summary>
/// A checked application, ready to be stored: every field read and valid, the plan file's type sniffed. What is
/// left to check needs the catalogue and the clock (the call, whether it is open), which the service does.
/// </summary>
public sealed record SubmitApplication(ApplicationForm Application, PlanUpload? Plan, string? IdempotencyKey);

/// <summary>The plan as a file, with the type read from its first bytes (never from its name or the browser's word).</summary>
public sealed record PlanUpload(IFormFile File, string ContentType);

/// <summary>An application accepted: its id and stage, and the private status link's token (page) and URL (API).</summary>
public sealed record SubmittedApplication(string Id, Stage Stage, string StatusToken, string StatusUrl);
